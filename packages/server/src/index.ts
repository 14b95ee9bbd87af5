export { App, type AppOptions, type AppRouteMethod, createApp } from './app/app.js'
export { type Lifespan, type LifespanFunction, lifespan } from './app/lifespan.js'
export type { DocsOptions } from './docs/docs-routes.js'
export {
  AppLockedError,
  BodyAndFormError,
  FetchWebSocketError,
  InvalidLimitError,
  LifespanFunctionError,
  LifespanYieldError,
  MiddlewareNotFunctionError,
  MountPrefixError,
  MountSelfError,
  NotARouteError,
  SecurityOptionError,
  SecuritySchemeClashError,
  StaticFilesDirectoryError,
  UnknownLogLevelError,
  WebSocketHandlerError,
} from './errors.js'
export type { ErrorClass, ExceptionHandler } from './exceptions/exception-handlers.js'
export { HTTPException, RequestValidationError } from './exceptions/http-exception.js'
export type { FormLimits } from './forms/form-limits.js'
export { UploadFile, uploadFile } from './forms/upload-file.js'
export { createLogger, type Logger, type LoggerOptions, type LogLevel, redactedPaths } from './logging/logger.js'
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
export type { StreamSource } from './responses/body-stream.js'
export { type FileInit, FileResponse, file } from './responses/file-response.js'
export { ResponseItemError } from './responses/json-lines.js'
export { HttpResponse, html, json, type ResponseInit, raw, redirect, text } from './responses/responses.js'
export { type ServerSentEvent, type SseInit, SseResponse, sse } from './responses/sse-response.js'
export { type StreamInit, StreamResponse, stream } from './responses/stream-response.js'
export * from './security/index.js'
export { type StaticFilesOptions, staticFiles } from './static/static-files.js'
export type { FetchExecutionContext } from './transport/fetch/fetch-handler.js'
export {
  type FetchHandler,
  type LambdaHttpEvent,
  type LambdaHttpResult,
  toLambdaHandler,
} from './transport/fetch/lambda.js'
export { defaultLimits, type Listening, type ListenOptions, type ServerLimits } from './transport/http-server.js'
export type { InjectOptions, InjectResponse } from './transport/inject.js'
export { TestWebSocket } from './websocket/websocket-client.js'
export { WebSocketConnection, WebSocketValidationError } from './websocket/websocket-connection.js'
