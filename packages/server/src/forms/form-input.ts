import type { TObject, TSchema, ValidationErrorItem } from '@typefast/validation'
import { BodyAndFormError } from '../errors.js'
import type { RequestContext } from '../pipeline/request-context.js'
import { type FormLimits, resolveFormLimits } from './form-limits.js'
import { readForm, removeTempFiles } from './form-reader.js'
import { compileFormValidator } from './form-validator.js'

export interface FormInput {
  /** Read and validate the form, then `proceed` with the other inputs' errors and the form's (or `fail` on a limit). */
  read(
    context: RequestContext,
    params: Record<string, string>,
    query: string,
    errors: ValidationErrorItem[] | undefined,
    proceed: (
      context: RequestContext,
      params: Record<string, string>,
      query: string,
      errors: ValidationErrorItem[] | undefined,
      formErrors: ValidationErrorItem[] | undefined,
    ) => void,
    fail: (context: RequestContext, error: unknown, scope: undefined) => void,
  ): void
}

/** A route's `form` input, compiled at start-up. */
export function compileFormInput(
  schema: TObject,
  limits: FormLimits | undefined,
  label: string,
  body: TSchema | undefined,
): FormInput {
  if (body !== undefined) {
    throw new BodyAndFormError(label)
  }
  const validate = compileFormValidator(schema)
  const resolved = resolveFormLimits(limits)
  return {
    read(context, params, query, errors, proceed, fail) {
      readForm(context.req, resolved).then(
        (raw) => {
          // Spilled files live until the response is over, whichever way it ends.
          if (raw.tempFiles.length > 0) context.res.once('close', () => void removeTempFiles(raw))
          const result = validate(raw)
          if (result.ok) context.form = result.value
          try {
            proceed(context, params, query, errors, result.ok ? undefined : result.errors)
          } catch (error) {
            fail(context, error, undefined)
          }
        },
        (error) => fail(context, error, undefined),
      )
    },
  }
}
