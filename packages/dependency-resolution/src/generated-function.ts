/** A function made from source text at start-up (`new Function(...params, body)`). */
export type GeneratedFunction = Function

/** Where generated functions come from instead of `new Function`: an ahead-of-time build (`typefast build`). */
export interface FunctionSource {
  /** The function made from this source, by `functionKey`; throws when the build has none for it. */
  take(key: string): GeneratedFunction
}

// The real constructor, kept: generatingThrough swaps the global one for a while.
const RealFunction = Function

let source: FunctionSource | undefined
let recorded: Map<string, { params: readonly string[]; body: string }> | undefined

/** The key of a generated function: its parameters and body, which is all it is. */
export function functionKey(params: readonly string[], body: string): string {
  return `(${params.join(', ')}) => {\n${body}\n}`
}

/**
 * `new Function(...params, body)`, or the function an installed build holds for that source,
 * so that an app started from a build generates no code (under a CSP or on Workers).
 */
export function generateFunction(params: readonly string[], body: string): GeneratedFunction {
  const key = functionKey(params, body)
  if (source !== undefined) return source.take(key)
  recorded?.set(key, { params, body })
  return new RealFunction(...params, body)
}

// Stands in for the global `Function` constructor, called with or without `new`.
function standIn(...args: unknown[]): GeneratedFunction {
  const body = args.length === 0 ? '' : String(args.pop())
  return generateFunction(args.map(String), body)
}

/**
 * Runs `run` with the global `Function` answering through generateFunction, so that a library
 * generating functions at start-up (find-my-way does, per route) takes them from an installed
 * build and has them recorded by `typefast build`. Outside of either, it just runs `run`.
 */
export function generatingThrough<T>(run: () => T): T {
  if (generatingAtStartUp()) return run()
  globalThis.Function = standIn as FunctionConstructor
  try {
    return run()
  } finally {
    globalThis.Function = RealFunction
  }
}

/**
 * True when `new Function` itself makes the functions: neither an installed build hands them
 * out nor `typefast build` is recording them (what a build holds, it must hold for every route).
 */
export function generatingAtStartUp(): boolean {
  return source === undefined && recorded === undefined
}

/**
 * True when functions can be generated: from an installed build, or by `new Function` (a
 * locked-down runtime refuses it). Probed each time, through the global a test or a runtime may
 * have replaced.
 */
export function generatedFunctionsAvailable(): boolean {
  if (source !== undefined) return true
  try {
    return new globalThis.Function('return true')() === true
  } catch {
    return false
  }
}

/** Take generated functions from `from` from now on (undefined: generate them again). */
export function useFunctionSource(from: FunctionSource | undefined): void {
  source = from
}

/** Keep the source of every function generated from now on, by key: what `typefast build` writes out. */
export function recordGeneratedFunctions(): ReadonlyMap<string, { params: readonly string[]; body: string }> {
  recorded ??= new Map()
  return recorded
}
