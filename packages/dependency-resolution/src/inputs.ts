import type { BackgroundTasks, RequestInfo, ResponseControl } from '@typefast/http'
import type { Static, TObject, TSchema } from 'typebox'
import type { DepsSpec, DepsValues } from './dependency.js'

/** The request parts a route or a dependency declares, each as a TypeBox schema. */
export interface InputSchemas {
  params?: TObject
  query?: TObject
  headers?: TObject
  cookies?: TObject
  body?: TSchema
}

/** What a route or a dependency declares: its inputs and the dependencies it needs. */
export interface InputSpec extends InputSchemas {
  deps?: DepsSpec
  /**
   * Form fields (application/x-www-form-urlencoded or multipart/form-data), files included.
   * Read by the route that declares it; a route has either `body` or `form`.
   */
  form?: TObject
}

export type InputLocation = keyof InputSchemas

type StaticOf<S, Key extends string, Fallback> = S extends { [K in Key]: infer Schema extends TSchema }
  ? Static<Schema>
  : Fallback

/** Nothing is readable where nothing was declared: reading an undeclared input is a type error. */
export type Undeclared = {}

/**
 * The one object a handler or dependency receives. `PathParams` types `params` where no params
 * schema was declared (every path parameter is then a string).
 */
export interface Inputs<S, PathParams = Undeclared> {
  params: StaticOf<S, 'params', PathParams>
  query: StaticOf<S, 'query', Undeclared>
  headers: StaticOf<S, 'headers', Undeclared>
  cookies: StaticOf<S, 'cookies', Undeclared>
  body: StaticOf<S, 'body', undefined>
  form: StaticOf<S, 'form', Undeclared>
  deps: S extends { deps: infer D extends DepsSpec } ? DepsValues<D> : Undeclared
  request: RequestInfo
  response: ResponseControl
  /** Tasks to run after the response is sent: `background.add(fn, ...args)`. */
  background: BackgroundTasks
}
