import type { IncomingHttpHeaders } from 'node:http'
import { nodeHeaders } from './fetch-request.js'

/**
 * A web `Headers` as node's `req.headers`, converted only when the whole is needed. Iterating web
 * headers is costly (Deno sorts and combines them on every pass, through WebIDL iterators), while
 * the pipeline mostly reads one header by name (a body's `content-type`, a cookie): such a read is
 * a `get`. Anything else (listing the names, `in`, writing) converts them all once and works on
 * that plain object from then on, so they behave as node's in every way.
 */
export function lazyNodeHeaders(web: Headers): IncomingHttpHeaders {
  let whole: IncomingHttpHeaders | undefined
  const all = () => {
    whole ??= nodeHeaders(web).headers
    return whole
  }
  return new Proxy({} as IncomingHttpHeaders, {
    get(_target, name) {
      if (whole !== undefined) return whole[name as string]
      // Node's names are lower case: another spelling, a symbol or Object.prototype's are read from the whole.
      if (typeof name !== 'string' || name in Object.prototype || name !== name.toLowerCase()) {
        return Reflect.get(all(), name)
      }
      if (name === 'set-cookie') return all()[name]
      try {
        return web.get(name) ?? undefined
      } catch {
        // Not a header name web headers take (node's object just has no such key).
        return undefined
      }
    },
    has: (_target, name) => Reflect.has(all(), name),
    ownKeys: () => Reflect.ownKeys(all()),
    getOwnPropertyDescriptor: (_target, name) => Reflect.getOwnPropertyDescriptor(all(), name),
    set: (_target, name, value) => Reflect.set(all(), name, value),
    deleteProperty: (_target, name) => Reflect.deleteProperty(all(), name),
    defineProperty: (_target, name, descriptor) => Reflect.defineProperty(all(), name, descriptor),
    getPrototypeOf: () => Reflect.getPrototypeOf(all()),
  })
}
