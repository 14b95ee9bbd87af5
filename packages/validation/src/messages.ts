import type { ValidationErrorItem } from './error-format.js'

// Message templates of pydantic-core (src/errors/types.rs), keyed by error type. `{name}` is
// filled from ctx; the plural form is used when the count in `plural` is not 1.
const templates: Record<string, string> = {
  missing: 'Field required',
  extra_forbidden: 'Extra inputs are not permitted',
  model_attributes_type: 'Input should be a valid dictionary or object to extract fields from',
  dict_type: 'Input should be a valid dictionary',
  list_type: 'Input should be a valid list',
  tuple_type: 'Input should be a valid tuple',
  none_required: 'Input should be None',
  string_type: 'Input should be a valid string',
  bool_type: 'Input should be a valid boolean',
  bool_parsing: 'Input should be a valid boolean, unable to interpret input',
  int_type: 'Input should be a valid integer',
  int_parsing: 'Input should be a valid integer, unable to parse string as an integer',
  int_from_float: 'Input should be a valid integer, got a number with a fractional part',
  finite_number: 'Input should be a finite number',
  float_type: 'Input should be a valid number',
  float_parsing: 'Input should be a valid number, unable to parse string as a number',
  greater_than: 'Input should be greater than {gt}',
  greater_than_equal: 'Input should be greater than or equal to {ge}',
  less_than: 'Input should be less than {lt}',
  less_than_equal: 'Input should be less than or equal to {le}',
  multiple_of: 'Input should be a multiple of {multiple_of}',
  string_too_short: 'String should have at least {min_length} character{s}',
  string_too_long: 'String should have at most {max_length} character{s}',
  string_pattern_mismatch: "String should match pattern '{pattern}'",
  too_short: '{field_type} should have at least {min_length} item{s} after validation, not {actual_length}',
  too_long: '{field_type} should have at most {max_length} item{s} after validation, not {actual_length}',
  enum: 'Input should be {expected}',
  literal_error: 'Input should be {expected}',
  value_error: 'Value error, {error}',
  datetime_from_date_parsing: 'Input should be a valid datetime or date, {error}',
  date_from_datetime_parsing: 'Input should be a valid date or datetime, {error}',
  time_parsing: 'Input should be in a valid time format, {error}',
  timezone_aware: 'Input should have timezone info',
  uuid_parsing: 'Input should be a valid UUID, {error}',
  url_parsing: 'Input should be a valid URL, {error}',
}

// Which ctx entry decides singular or plural.
const countKey: Record<string, string> = {
  string_too_short: 'min_length',
  string_too_long: 'max_length',
  too_short: 'min_length',
  too_long: 'max_length',
}

const placeholder = /\{(\w+)\}/g

/** Builds one error item; `ctx` is left out when the error type has none in pydantic. */
export function errorItem(
  type: string,
  loc: (string | number)[],
  input: unknown,
  ctx?: Record<string, unknown>,
): ValidationErrorItem {
  const template = templates[type] ?? type
  const key = countKey[type]
  const msg = template.replace(placeholder, (_, name: string) =>
    name === 's' ? (key && ctx?.[key] === 1 ? '' : 's') : String(ctx?.[name]),
  )
  return ctx === undefined ? { type, loc, msg, input } : { type, loc, msg, input, ctx }
}

/** Python's repr of a JSON value, as pydantic prints expected values. */
export function pythonRepr(value: unknown): string {
  if (typeof value === 'string') return value.includes("'") && !value.includes('"') ? `"${value}"` : `'${value}'`
  if (value === null) return 'None'
  if (value === true) return 'True'
  if (value === false) return 'False'
  return typeof value === 'object' ? JSON.stringify(value) : String(value)
}

/** "'a', 'b' or 'c'": how pydantic lists the allowed values of an enum or literal. */
export function expectedList(values: readonly unknown[]): string {
  const reprs = values.map(pythonRepr)
  if (reprs.length <= 1) return reprs.join('')
  return `${reprs.slice(0, -1).join(', ')} or ${reprs[reprs.length - 1]}`
}
