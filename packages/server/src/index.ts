export { App, type AppOptions, type AppRouteMethod, createApp } from './app.js'
export type { StreamSource } from './body-stream.js'
export type { DocsOptions } from './docs-routes.js'
export type { ErrorClass, ExceptionHandler } from './exception-handlers.js'
export { type FileInit, FileResponse, file } from './file-response.js'
export type { FormLimits } from './form-limits.js'
export { HTTPException, RequestValidationError } from './http-exception.js'
export { defaultLimits, type Listening, type ListenOptions, type ServerLimits } from './http-server.js'
export type { InjectOptions, InjectResponse } from './inject.js'
export { ResponseItemError } from './json-lines.js'
export { type Lifespan, type LifespanFunction, lifespan } from './lifespan.js'
export { createLogger, type Logger, type LoggerOptions, type LogLevel, redactedPaths } from './logger.js'
export {
  type CorsOptions,
  cors,
  type GzipOptions,
  gzip,
  type HttpsRedirectOptions,
  httpsRedirect,
  type RequestIdOptions,
  requestId,
  type TrustedHostOptions,
  trustedHost,
} from './middleware/index.js'
export { HttpResponse, html, json, type ResponseInit, raw, redirect, text } from './responses.js'
export * from './security/index.js'
export { type ServerSentEvent, type SseInit, SseResponse, sse } from './sse-response.js'
export { type StaticFilesOptions, staticFiles } from './static-files.js'
export { type StreamInit, StreamResponse, stream } from './stream-response.js'
export {
  type FetchHandler,
  type LambdaHttpEvent,
  type LambdaHttpResult,
  toLambdaHandler,
} from './transport/fetch/lambda.js'
export { UploadFile, uploadFile } from './upload-file.js'
export { TestWebSocket } from './websocket-client.js'
export { WebSocketConnection, WebSocketValidationError } from './websocket-connection.js'
export type { WebSocketContext, WebSocketHandler, WebSocketSpec } from './websocket-routes.js'
