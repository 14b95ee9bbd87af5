import { isPlainObject } from './json.js'
import type { SchemaObject } from './types.js'

/**
 * The key order a schema is written in. FastAPI 0.142.2 re-encodes the document through its
 * OpenAPI models, which reorders keys as those models declare them (`{items, type, title, default}`),
 * except in operations that have parameters, which keep pydantic's order as generated
 * (`{type, items, default, title}`): 'model' for components and operations without parameters,
 * 'built' for parameters and the inline schemas of operations with parameters.
 */
export type KeyOrder = 'model' | 'built'

// The keywords of the type itself, then those of the field around it: FastAPI's Schema model order,
// and pydantic's own.
const TYPE_KEYWORDS = [
  '$ref',
  'anyOf',
  'oneOf',
  'allOf',
  'properties',
  'patternProperties',
  'additionalProperties',
  'items',
  'prefixItems',
  'type',
  'enum',
  'const',
  'format',
  'contentMediaType',
  'contentSchema',
  'multipleOf',
  'exclusiveMaximum',
  'maximum',
  'exclusiveMinimum',
  'minimum',
  'maxLength',
  'minLength',
  'pattern',
  'maxItems',
  'minItems',
  'uniqueItems',
  'maxProperties',
  'minProperties',
  'required',
]
const ORDER: Record<KeyOrder, string[]> = {
  model: [...TYPE_KEYWORDS, 'title', 'description', 'default', 'deprecated', 'examples'],
  built: [
    'type',
    ...TYPE_KEYWORDS.filter((key) => key !== 'type'),
    'title',
    'description',
    'examples',
    'deprecated',
    'default',
  ],
}

/**
 * One converted schema as pydantic writes it: keywords in `order` (others after them, as given),
 * files as `contentMediaType` (FastAPI 0.142 with OpenAPI 3.1), enums with their `type`, a union of
 * literals as one `enum`, a record as `additionalProperties`, and no `default: null` (FastAPI
 * writes none for `= None`).
 */
export function pydanticStyle(schema: SchemaObject, order: KeyOrder): SchemaObject {
  const styled: SchemaObject = { ...schema }
  if (styled.default === null) delete styled.default
  if (styled.type === 'string' && styled.format === 'binary') {
    delete styled.format
    styled.contentMediaType = 'application/octet-stream'
  }
  // TypeBox's Record(String(), T) is pydantic's dict[str, T].
  const patterns = styled.patternProperties
  if (isPlainObject(patterns) && Object.keys(patterns).join() === '^.*$' && !('additionalProperties' in styled)) {
    delete styled.patternProperties
    styled.additionalProperties = patterns['^.*$']
  }
  if (Array.isArray(styled.enum) && styled.type === undefined) {
    const type = primitiveType(styled.enum)
    if (type !== undefined) styled.type = type
  }
  if (Array.isArray(styled.anyOf)) {
    const members = literalsAsEnum(styled.anyOf)
    if (members !== styled.anyOf && members.length === 1) {
      delete styled.anyOf
      Object.assign(styled, members[0])
    } else styled.anyOf = members
  }
  return ordered(styled, order)
}

export function ordered(schema: SchemaObject, order: KeyOrder): SchemaObject {
  const out: SchemaObject = {}
  for (const key of ORDER[order]) if (key in schema) out[key] = schema[key]
  for (const key of Object.keys(schema)) if (!(key in out)) out[key] = schema[key]
  return out
}

/** pydantic titles a field unless it names a model (`$ref`, or a nullable `$ref`) or has a title. */
export function wantsFieldTitle(schema: SchemaObject): boolean {
  if ('title' in schema || '$ref' in schema) return false
  const members = schema.anyOf
  if (!Array.isArray(members) || members.length !== 2) return true
  const [first, second] = members as unknown[]
  return !(isPlainObject(first) && '$ref' in first && isPlainObject(second) && second.type === 'null')
}

/** The field's schema titled if pydantic titles it (see wantsFieldTitle). */
export function withFieldTitle(schema: SchemaObject, title: string, order: KeyOrder): SchemaObject {
  return wantsFieldTitle(schema) ? titled(schema, title, order) : schema
}

/**
 * The schema of one of FastAPI's own fields (a parameter, a body, a response) titled: unlike a
 * model's field, it is titled even as a nullable model; a bare $ref or a given title stays as is.
 */
export function withOwnTitle(schema: SchemaObject, title: string, order: KeyOrder): SchemaObject {
  return '$ref' in schema || 'title' in schema ? schema : titled(schema, title, order)
}

/** The schema with a title: first of the field's keywords in model order, last as pydantic adds it. */
function titled(schema: SchemaObject, title: string, order: KeyOrder): SchemaObject {
  return order === 'model' ? ordered({ ...schema, title }, order) : { ...schema, title }
}

/** JSON Schema's type for enum values that share one: 'string', 'integer', 'number' or 'boolean'. */
function primitiveType(values: unknown[]): string | undefined {
  const types = new Set(values.map((value) => (Number.isInteger(value) ? 'integer' : typeof value)))
  if (types.size === 2 && types.has('integer') && types.has('number')) return 'number'
  const [type] = types
  return types.size === 1 && (type === 'string' || type === 'integer' || type === 'number' || type === 'boolean')
    ? type
    : undefined
}

/**
 * `Literal['a', 'b']` is `{type: 'string', enum: ['a', 'b']}` in pydantic, where TypeBox's
 * `Union([Literal('a'), Literal('b')])` is an anyOf of consts; a `null` member stays beside it.
 */
function literalsAsEnum(members: unknown[]): unknown[] {
  const isNull = (member: unknown) =>
    isPlainObject(member) && member.type === 'null' && Object.keys(member).length === 1
  const literals = members.filter((member) => !isNull(member))
  const type = isPlainObject(literals[0]) ? literals[0].type : undefined
  const allLiterals = literals.every(
    (member) => isPlainObject(member) && 'const' in member && member.type === type && Object.keys(member).length === 2,
  )
  if (literals.length < 2 || typeof type !== 'string' || !allLiterals) return members
  const collapsed = { type, enum: literals.map((member) => (member as SchemaObject).const) }
  return literals.length === members.length ? [collapsed] : [collapsed, ...members.filter(isNull)]
}
