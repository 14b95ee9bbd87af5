import type { InputSchemas } from '@typefast/dependency-resolution'
import type { ValidationErrorItem } from '@typefast/validation'
import { compileInputValidator } from '@typefast/validation/internal'
import { parse as parseQuery } from 'fast-querystring'
import { parseCookies } from './cookie-parser.js'
import type { RawParts } from './dependency-errors.js'
import { compileHeaderInput } from './header-input.js'
import type { RequestContext } from './request-context.js'

/** The raw input of an absent query string or cookie header (validators only read it). */
const noInput: Readonly<Record<string, string>> = Object.freeze({})

/**
 * The path, query, header and cookie inputs of a route or a WebSocket route, compiled once:
 * `validate` sets each valid part on the context and returns every failing field's error at once,
 * as FastAPI reports them; `raw` gives the unvalidated parts, for reporting errors in order.
 */
export interface InputStage {
  validate(context: RequestContext, params: Record<string, string>, query: string): ValidationErrorItem[] | undefined
  raw(context: RequestContext, params: Record<string, string>, query: string): RawParts
}

export function compileInputStage(inputs: InputSchemas): InputStage {
  const validateParams = inputs.params && compileInputValidator(inputs.params, 'path')
  const validateQuery = inputs.query && compileInputValidator(inputs.query, 'query')
  const validateHeaders = inputs.headers && compileInputValidator(inputs.headers, 'header')
  const headerInput = inputs.headers && compileHeaderInput(inputs.headers)
  const validateCookies = inputs.cookies && compileInputValidator(inputs.cookies, 'cookie')

  // Each validator's result is read in place: no wrapper object nor closure per request.
  function validate(context: RequestContext, params: Record<string, string>, query: string) {
    let errors: ValidationErrorItem[] | undefined
    if (validateParams === undefined) context.params = params
    else {
      const result = validateParams(params)
      if (result.ok) context.params = result.value
      else errors = result.errors
    }
    if (validateQuery !== undefined) {
      const result = validateQuery(query === '' ? noInput : parseQuery(query))
      if (result.ok) context.query = result.value
      else errors = errors === undefined ? result.errors : errors.concat(result.errors)
    }
    if (validateHeaders !== undefined) {
      const result = validateHeaders(headerInput!(context.req))
      if (result.ok) context.headers = result.value
      else errors = errors === undefined ? result.errors : errors.concat(result.errors)
    }
    if (validateCookies !== undefined) {
      const header = context.req.headers.cookie
      const result = validateCookies(header ? parseCookies(header) : noInput)
      if (result.ok) context.cookies = result.value
      else errors = errors === undefined ? result.errors : errors.concat(result.errors)
    }
    return errors
  }

  function raw(context: RequestContext, params: Record<string, string>, query: string): RawParts {
    const header = context.req.headers.cookie
    return {
      params,
      query: query === '' ? noInput : parseQuery(query),
      headers: headerInput === undefined ? context.req.headers : headerInput(context.req),
      cookies: header ? parseCookies(header) : noInput,
    }
  }

  return { validate, raw }
}
