// The one place dependency-resolution generates code (through generated-function.ts, which takes
// the function from an installed `typefast build` instead when there is one). Every generated function is named after
// what it serves and its source ends with `//# sourceURL=typefast/<what>`, so stack traces,
// profiles and debuggers show `typefast/dependencies/GET/items/{id}` rather than `anonymous`
// (V8 ends a sourceURL at white space, so the URL has none).
// With TYPEFAST_PRINT_GENERATED=1 in the environment each source is written to stderr as it is
// generated (at start-up), and TYPEFAST_GENERATE=0 turns generation off; both are described in
// docs/reference/generated-code.md.

import { generatedFunctionsAvailable, generateFunction } from './generated-function.js'

type Env = Record<string, string | undefined>

const env = (name: string): string | undefined => (globalThis as { process?: { env?: Env } }).process?.env?.[name]

/** A JavaScript identifier made of the words of `text`: 'GET /items/{id}' -> 'GET_items_id'. */
export function identifier(text: string): string {
  const words = text.replace(/[^A-Za-z0-9_$]+/g, '_').replace(/^_+|_+$/g, '')
  return /^[A-Za-z_$]/.test(words) ? words : `_${words}`
}

/**
 * Compiles `body` as the body of a function of `params` and calls it with `args`: the body
 * returns the generated (named) function, and whatever it needs comes in as `args`, never as
 * source. `what` names it: the source's `//# sourceURL=typefast/<what>`, white space dropped.
 */
export function generate<F>(what: string, params: readonly string[], body: string, args: readonly unknown[]): F {
  const url = `typefast/${what.replace(/\s+/g, '')}`
  const source = `${body}\n//# sourceURL=${url}`
  if (env('TYPEFAST_PRINT_GENERATED') === '1') console.error(`// ${url} (${params.join(', ')})\n${source}\n`)
  return generateFunction(params, source)(...args) as F
}

/**
 * False where the runtime refuses `new Function` (a locked-down CSP, some edge runtimes) and no
 * `typefast build` is installed, or where TYPEFAST_GENERATE=0 asks for the fallback (to step
 * through plain code in a debugger).
 */
export function canGenerate(): boolean {
  return env('TYPEFAST_GENERATE') !== '0' && generatedFunctionsAvailable()
}
