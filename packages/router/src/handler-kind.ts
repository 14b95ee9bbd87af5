/**
 * True for `async function*` handlers: their routes answer JSON Lines, one line per yielded item,
 * and are documented so. Decided at start-up, by the server and the OpenAPI document alike.
 */
export function isAsyncGeneratorFunction(fn: Function): boolean {
  return Object.prototype.toString.call(fn) === '[object AsyncGeneratorFunction]'
}
