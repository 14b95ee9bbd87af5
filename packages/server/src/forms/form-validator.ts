import { isJsonFormField } from '@typefast/router/internal'
import { compileBodyValidator, type TObject, type TSchema, type ValidationErrorItem } from '@typefast/validation'
import {
  compileInputValidator,
  jsonTextError,
  markBigIntegers,
  mayHoldBigIntegers,
  reviveBigIntegers,
} from '@typefast/validation/internal'
import secureJson from 'secure-json-parse'
import { missingField } from '../pipeline/body-input.js'
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
  /** The model's name (its $id or title) for a JSON field's `model_type` error, as pydantic's Json[Model]. */
  model: string | undefined
  validate:
    | ((value: unknown) => { ok: true; value: unknown } | { ok: false; errors: ValidationErrorItem[] })
    | undefined
}

type Schema = {
  type?: unknown
  items?: unknown
  default?: unknown
  properties?: Record<string, TSchema>
  $id?: string
  title?: string
  anyOf?: Schema[]
}

function kindOf(schema: Schema): Kind | undefined {
  // `T | None`: what T is (a nullable list of files is still files, null is simply not sent).
  const branches = schema.anyOf?.filter((branch) => branch.type !== 'null')
  if (branches !== undefined) return branches.length === 1 ? kindOf(branches[0]!) : undefined
  if (isFileSchema(schema as TSchema)) return 'file'
  if (schema.type === 'array' && isFileSchema(schema.items as TSchema)) return 'files'
  return isJsonFormField(schema) ? 'json' : undefined
}

const modelName = (schema: Schema): string | undefined =>
  schema.properties === undefined ? undefined : (schema.$id ?? schema.title)

const inBody = (key: string, item: ValidationErrorItem, skip: number): ValidationErrorItem => ({
  ...item,
  loc: ['body', key, ...item.loc.slice(skip)],
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
      model: kind === 'json' ? modelName(fieldSchema as Schema) : undefined,
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
  // Fields that take one value: an empty one counts as not sent, as FastAPI has it.
  const singles = scalarKeys.filter((key) => (scalarProperties[key] as Schema).type !== 'array')
  const order = Object.keys(properties)

  return (form) => {
    let value: Record<string, unknown> = {}
    const errors = new Map<string, ValidationErrorItem[]>()
    if (scalars !== undefined) {
      const result = scalars(withoutEmpty(form.fields, singles))
      if (result.ok) value = result.value
      else for (const item of result.errors) add(errors, String(item.loc[1]), [inBody(String(item.loc[1]), item, 2)])
    }
    for (const field of special) {
      const error = readSpecial(field, form, value)
      if (error !== undefined) add(errors, field.key, error)
    }
    if (errors.size === 0) return { ok: true, value }
    // FastAPI reports the fields in the order they are declared.
    return { ok: false, errors: order.flatMap((key) => errors.get(key) ?? []) }
  }
}

function add(errors: Map<string, ValidationErrorItem[]>, key: string, items: ValidationErrorItem[]): void {
  const existing = errors.get(key)
  if (existing === undefined) errors.set(key, items)
  else existing.push(...items)
}

const isEmpty = (value: string | string[] | undefined) =>
  value === '' || (Array.isArray(value) && value[value.length - 1] === '')

function withoutEmpty(fields: Record<string, string | string[]>, singles: readonly string[]) {
  let copy: Record<string, string | string[]> | undefined
  for (const key of singles) {
    if (!isEmpty(fields[key])) continue
    copy ??= { ...fields }
    delete copy[key]
  }
  return copy ?? fields
}

const notAFile = (loc: (string | number)[], input: unknown): ValidationErrorItem => ({
  type: 'value_error',
  loc,
  msg: "Value error, Expected UploadFile, received: <class 'str'>",
  input,
  ctx: { error: {} },
})

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
      if (text !== undefined && !isEmpty(text)) {
        // A list of files reports each text by its index, as pydantic checks a list's items.
        if (field.kind === 'file') return [notAFile(['body', key], text)]
        return (Array.isArray(text) ? text : [text]).map((item, index) => notAFile(['body', key, index], item))
      }
      if (field.required) return [missingField(key)]
      if (field.kind === 'files' && field.default !== undefined) value[key] = []
      return undefined
    }
    value[key] = field.kind === 'file' ? files[files.length - 1] : files
    return undefined
  }
  const raw = form.fields[key]
  if (raw === undefined || isEmpty(raw)) {
    if (field.default !== undefined) value[key] = structuredClone(field.default)
    else if (field.required) return [missingField(key)]
    return undefined
  }
  const text = Array.isArray(raw) ? raw[raw.length - 1]! : raw
  let parsed: unknown
  try {
    const options = { protoAction: 'remove', constructorAction: 'remove' } as const
    parsed = secureJson.parse(text, undefined, options)
    // Integers beyond 2^53 exact, as in a JSON body.
    if (mayHoldBigIntegers(text)) parsed = secureJson.parse(markBigIntegers(text), reviveBigIntegers, options)
  } catch {
    // Worded as pydantic's parser words it. That parser reads NaN and Infinity, which FastAPI then
    // cannot write in its answer (a 500); typefast refuses them as JSON does.
    const error = jsonTextError(text) ?? 'NaN and Infinity are not JSON numbers'
    return [{ type: 'json_invalid', loc: ['body', key], msg: `Invalid JSON: ${error}`, input: text, ctx: { error } }]
  }
  const result = field.validate!(parsed)
  if (!result.ok) return result.errors.map((item) => jsonFieldError(field, item))
  value[key] = result.value
  return undefined
}

/**
 * A JSON field's error at ["body", key, ...]. pydantic checks Json[Model] without the
 * from_attributes FastAPI gives a body, so a value that is no object is a `model_type` error.
 */
function jsonFieldError(field: SpecialField, item: ValidationErrorItem): ValidationErrorItem {
  if (item.type !== 'model_attributes_type' || item.loc.length !== 1 || field.model === undefined)
    return inBody(field.key, item, 1)
  return {
    type: 'model_type',
    loc: ['body', field.key],
    msg: `Input should be a valid dictionary or instance of ${field.model}`,
    input: item.input,
    ctx: { class_name: field.model },
  }
}
