import { readFileSync } from 'node:fs'
import { parseEnv } from 'node:util'
import { compileBodyValidator, type ValidationErrorItem } from '@typefast/validation'
import { arraySchema, compileInputValidator, deref } from '@typefast/validation/internal'
import type { Static, TObject } from 'typebox'
import { SettingsError, type SettingsIssue } from './errors.js'

// Typed configuration from environment variables and .env files: what pydantic-settings is to
// FastAPI users. Scalars are coerced from their text as query parameters are ("8000" is 8000,
// "yes" is true); objects and arrays are read as JSON. Everything is checked at once, at
// start-up, and one error names every variable that is missing or wrong.

export interface SettingsOptions {
  /** The variables to read. Default: process.env. */
  env?: Record<string, string | undefined>
  /**
   * .env files to read first; the environment wins over them, and a later file over an earlier
   * one. A file that does not exist is skipped. Default: none.
   */
  envFile?: string | readonly string[]
  /** Prepended to each field's name: `{ prefix: 'APP_' }` reads `port` from APP_PORT. */
  prefix?: string
  /** Match names exactly; by default `database_url` is read from DATABASE_URL too, as pydantic-settings does. */
  caseSensitive?: boolean
}

type Schema = Record<string, unknown>

/** Read every .env file in order; later files override earlier ones. */
export function readEnvFiles(files: string | readonly string[] | undefined): Record<string, string> {
  const values: Record<string, string> = {}
  for (const file of typeof files === 'string' ? [files] : (files ?? [])) {
    let text: string
    try {
      text = readFileSync(file, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue
      throw error
    }
    for (const [name, value] of Object.entries(parseEnv(text))) if (value !== undefined) values[name] = value
  }
  return values
}

/** True for fields read as JSON: objects, arrays, and optional ones of either. */
function isStructured(schema: unknown): boolean {
  if (arraySchema(schema) !== undefined) return true
  const s = deref(schema) ?? {}
  const branches = (s.anyOf ?? s.oneOf) as unknown[] | undefined
  if (Array.isArray(branches)) return branches.some((b) => deref(b)?.type === 'object')
  return s.type === 'object'
}

/**
 * Typed settings from the environment and .env files, validated by `schema` now. Throws a
 * SettingsError naming each missing or invalid variable.
 *
 * ```ts
 * const config = settings(t.Object({ port: t.Integer({ default: 8000 }), database_url: t.String() }), { envFile: '.env' })
 * ```
 */
export function settings<S extends TObject>(schema: S, options: SettingsOptions = {}): Static<S> {
  const { prefix = '', caseSensitive = false } = options
  const sources = { ...readEnvFiles(options.envFile), ...definedOnly(options.env ?? process.env) }
  const byName = new Map<string, [string, string]>()
  for (const [name, value] of Object.entries(sources))
    byName.set(caseSensitive ? name : name.toUpperCase(), [name, value])

  const object = deref(schema) as Schema
  const properties = (object.properties ?? {}) as Record<string, unknown>
  const required = new Set((object.required as string[] | undefined) ?? [])
  const scalar: Schema = { type: 'object', properties: {}, required: [] }
  const structured: Schema = { type: 'object', properties: {}, required: [] }
  const structuredValues: Record<string, unknown> = {}
  const variableOf = new Map<string, string>()
  const scalarRaw: Record<string, string> = {}
  const issues: SettingsIssue[] = []

  for (const [key, field] of Object.entries(properties)) {
    const wanted = prefix + key
    const found = byName.get(caseSensitive ? wanted : wanted.toUpperCase())
    variableOf.set(key, found?.[0] ?? (caseSensitive ? wanted : wanted.toUpperCase()))
    if (isStructured(field)) {
      if (found !== undefined) {
        try {
          structuredValues[key] = JSON.parse(found[1])
        } catch (error) {
          const msg = `Invalid JSON: ${(error as Error).message}`
          issues.push({ variable: found[0], type: 'json_invalid', msg, input: found[1] })
          continue
        }
      }
      ;(structured.properties as Schema)[key] = field
      if (required.has(key)) (structured.required as string[]).push(key)
      continue
    }
    ;(scalar.properties as Schema)[key] = field
    if (required.has(key)) (scalar.required as string[]).push(key)
    if (found !== undefined) scalarRaw[key] = found[1]
  }

  const result: Record<string, unknown> = {}
  const scalarResult = compileInputValidator(scalar as unknown as TObject, 'query')(scalarRaw)
  if (scalarResult.ok) Object.assign(result, scalarResult.value)
  else issues.push(...scalarResult.errors.map((item) => issue(item, 1, variableOf)))

  if (Object.keys(structured.properties as Schema).length > 0) {
    const checked = compileBodyValidator(structured as never)(structuredValues)
    if (checked.ok) Object.assign(result, checked.value)
    else issues.push(...checked.errors.map((item) => issue(item, 1, variableOf)))
  }

  if (issues.length > 0) throw new SettingsError(issues)
  return result as Static<S>
}

function definedOnly(env: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [name, value] of Object.entries(env)) if (value !== undefined) out[name] = value
  return out
}

/** A validation item as a settings issue: its field becomes the variable; a nested path follows it. */
function issue(item: ValidationErrorItem, keyIndex: number, variableOf: Map<string, string>): SettingsIssue {
  const key = String(item.loc[keyIndex] ?? '')
  const rest = item.loc.slice(keyIndex + 1)
  const variable = (variableOf.get(key) ?? key) + rest.map((part) => `[${JSON.stringify(part)}]`).join('')
  return { variable, type: item.type, msg: item.msg, input: item.input }
}
