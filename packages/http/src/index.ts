export type { BackgroundTasks } from './background-tasks.js'
export type { RequestInfo } from './request.js'
export type { CookieOptions, ResponseControl } from './response.js'
export type { WebSocketControl } from './websocket.js'
