import {
  compileBodyValidator,
  compileInputValidator,
  type TObject,
  type TSchema,
  type ValidationErrorItem,
} from '@typefast/validation'
import secureJson from 'secure-json-parse'
import type { RawForm } from './form-reader.js'
import { isFileSchema, type UploadFile } from './upload-file.js'

export type FormValidator = (
  form: RawForm,
) => { ok: true; value: Record<string, unknown> } | { ok: false; errors: ValidationErrorItem[] }

type Kind = 'file' | 'files' | 'json'

interface SpecialField {
  key: string
  kind: Kind
  required: boolean
  default: unknown
  validate:
    | ((value: unknown) => { ok: true; value: unknown } | { ok: false; errors: ValidationErrorItem[] })
    | undefined
}

type Schema = { type?: unknown; items?: unknown; default?: unknown; properties?: Record<string, TSchema> }

/** Objects, and arrays of anything but scalars, travel in a form field as JSON text. */
function isJsonSchema(schema: Schema): boolean {
  if (schema.type === 'object') return true
  if (schema.type !== 'array') return schema.type === undefined && schema.properties !== undefined
  const items = schema.items as Schema | undefined
  return items === undefined || items.type === 'object' || items.type === 'array' || items.type === undefined
}

function kindOf(schema: Schema): Kind | undefined {
  if (isFileSchema(schema as TSchema)) return 'file'
  if (schema.type === 'array' && isFileSchema(schema.items as TSchema)) return 'files'
  return isJsonSchema(schema) ? 'json' : undefined
}

const inBody = (key: string, item: ValidationErrorItem, skip: number): ValidationErrorItem => ({
  ...item,
  loc: ['body', key, ...item.loc.slice(skip)],
})

const missing = (key: string): ValidationErrorItem => ({
  type: 'missing',
  loc: ['body', key],
  msg: 'Field required',
  input: null,
})

/**
 * Compile a form schema at start-up: scalar fields are coerced from text as query parameters are,
 * file fields take UploadFiles, object and array fields are parsed as JSON and validated as a body.
 * Every error is reported with loc ["body", field, ...].
 */
export function compileFormValidator(schema: TObject): FormValidator {
  const object = schema as unknown as Schema & { required?: string[] }
  const properties = object.properties ?? {}
  const required = new Set(object.required ?? [])
  const special: SpecialField[] = []
  const scalarProperties: Record<string, TSchema> = {}
  for (const [key, fieldSchema] of Object.entries(properties)) {
    const kind = kindOf(fieldSchema as Schema)
    if (kind === undefined) {
      scalarProperties[key] = fieldSchema
      continue
    }
    special.push({
      key,
      kind,
      required: required.has(key),
      default: (fieldSchema as Schema).default,
      validate: kind === 'json' ? compileBodyValidator(fieldSchema) : undefined,
    })
  }
  const scalarKeys = Object.keys(scalarProperties)
  const scalars =
    scalarKeys.length === 0
      ? undefined
      : compileInputValidator(
          {
            type: 'object',
            properties: scalarProperties,
            required: scalarKeys.filter((key) => required.has(key)),
          } as unknown as TObject,
          'query',
        )

  return (form) => {
    let value: Record<string, unknown> = {}
    let errors: ValidationErrorItem[] | undefined
    if (scalars !== undefined) {
      const result = scalars(form.fields)
      if (result.ok) value = result.value
      else errors = result.errors.map((item) => inBody(String(item.loc[1]), item, 2))
    }
    for (const field of special) {
      const error = readSpecial(field, form, value)
      if (error !== undefined) (errors ??= []).push(...error)
    }
    return errors === undefined ? { ok: true, value } : { ok: false, errors }
  }
}

function readSpecial(
  field: SpecialField,
  form: RawForm,
  value: Record<string, unknown>,
): ValidationErrorItem[] | undefined {
  const { key } = field
  if (field.kind === 'file' || field.kind === 'files') {
    const files: UploadFile[] | undefined = form.files[key]
    if (files === undefined) {
      const text = form.fields[key]
      if (text !== undefined) {
        return [
          {
            type: 'value_error',
            loc: ['body', key],
            msg: "Value error, Expected UploadFile, received: <class 'str'>",
            input: text,
            ctx: { error: {} },
          },
        ]
      }
      if (field.required) return [missing(key)]
      if (field.kind === 'files' && field.default !== undefined) value[key] = []
      return undefined
    }
    value[key] = field.kind === 'file' ? files[files.length - 1] : files
    return undefined
  }
  const raw = form.fields[key]
  if (raw === undefined) {
    if (field.default !== undefined) value[key] = structuredClone(field.default)
    else if (field.required) return [missing(key)]
    return undefined
  }
  const text = Array.isArray(raw) ? raw[raw.length - 1]! : raw
  let parsed: unknown
  try {
    parsed = secureJson.parse(text, undefined, { protoAction: 'remove', constructorAction: 'remove' })
  } catch {
    return [
      {
        type: 'json_invalid',
        loc: ['body', key],
        msg: 'JSON decode error',
        input: text,
        ctx: { error: 'Expecting value' },
      },
    ]
  }
  const result = field.validate!(parsed)
  if (!result.ok) return result.errors.map((item) => inBody(key, item, 1))
  value[key] = result.value
  return undefined
}
