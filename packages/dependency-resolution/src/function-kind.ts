// What a function is, by its type, as FastAPI decides with inspect.isgeneratorfunction: a plain
// function that happens to return an iterator is not a generator function. Read from the
// function's tag, so a function made in another realm (vm, a worker's module) is recognised too.

const tag = (fn: unknown): string => Object.prototype.toString.call(fn)

/** `function*`: a dependency whose code after its first `yield` is its teardown. */
export function isGeneratorFunction(fn: unknown): boolean {
  return tag(fn) === '[object GeneratorFunction]'
}

/**
 * `async function*`: an async generator dependency, or a handler whose route answers JSON Lines
 * (one line per yielded item, documented so); decided at start-up by the server and the
 * OpenAPI document alike.
 */
export function isAsyncGeneratorFunction(fn: unknown): boolean {
  return tag(fn) === '[object AsyncGeneratorFunction]'
}
