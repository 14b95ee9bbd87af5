interface NullableSchema {
  type?: unknown
  nullable?: unknown
  anyOf?: unknown
  oneOf?: unknown
}

/**
 * True when a JSON schema lets `null` through: `type: 'null'` or a type list holding it, OpenAPI's
 * `nullable`, or a branch of `anyOf`/`oneOf` that does. A schema with no type (`t.Any()`,
 * `t.Unknown()`, or none at all) takes anything, null among it, and answers `untyped`: the body
 * reader counts such a field as nullable, the serializer does not write `null` for it when absent.
 */
export function admitsNull(schema: unknown, untyped: boolean): boolean {
  if (schema === undefined) return untyped
  const s = schema as NullableSchema
  if (s.nullable === true || s.type === 'null') return true
  if (Array.isArray(s.type)) return s.type.includes('null')
  const branches = s.anyOf ?? s.oneOf
  if (Array.isArray(branches)) return branches.some((branch) => admitsNull(branch, untyped))
  return s.type === undefined && untyped
}
