import { dateProblem, datetimeProblem, timeProblem } from './datetime-errors.js'
import type { ValidationErrorItem } from './error-format.js'
import { errorItem } from './messages.js'

// pydantic's error for a string that fails a JSON Schema `format`, per the pydantic type that
// format stands for (datetime, date, time, EmailStr, UUID, AnyUrl). Error path only.
export function formatError(format: string, loc: (string | number)[], input: unknown): ValidationErrorItem {
  const s = String(input)
  switch (format) {
    case 'date-time': {
      const { problem } = datetimeProblem(s)
      // Parses but has no offset: JSON Schema's date-time needs one, like pydantic's AwareDatetime.
      if (problem === undefined) return errorItem('timezone_aware', loc, input)
      return errorItem('datetime_from_date_parsing', loc, input, { error: problem })
    }
    case 'date': {
      // Longer input is read as a datetime first, as pydantic's date does.
      const problem =
        dateProblem(s) ??
        (s.length > 10
          ? (datetimeProblem(s).problem ?? 'unexpected extra characters at the end of the input')
          : 'invalid date')
      return errorItem('date_from_datetime_parsing', loc, input, { error: problem })
    }
    case 'time': {
      const { problem } = timeProblem(s)
      if (problem === undefined) return errorItem('timezone_aware', loc, input)
      return errorItem('time_parsing', loc, input, { error: problem })
    }
    case 'email': {
      const reason = emailReason(s)
      // EmailStr raises a custom value_error whose message is not prefixed by "Value error, ".
      return { type: 'value_error', loc, msg: `value is not a valid email address: ${reason}`, input, ctx: { reason } }
    }
    case 'uuid':
      return errorItem('uuid_parsing', loc, input, { error: uuidProblem(s) })
    case 'uri':
    case 'url':
    case 'uri-reference':
    case 'iri':
      return errorItem('url_parsing', loc, input, { error: urlProblem(s) })
    default:
      return errorItem('value_error', loc, input, { error: `value is not a valid ${format}` })
  }
}

// The reasons python-email-validator gives for the common mistakes.
function emailReason(s: string): string {
  const at = s.lastIndexOf('@')
  if (at < 0) return 'An email address must have an @-sign.'
  const local = s.slice(0, at)
  const domain = s.slice(at + 1)
  if (local.length === 0) return 'There must be something before the @-sign.'
  if (domain.length === 0) return 'There must be something after the @-sign.'
  if (s.includes('..')) return 'An email address cannot have two periods in a row.'
  if (local.startsWith('.')) return 'An email address cannot start with a period.'
  if (local.endsWith('.')) return 'An email address cannot have a period immediately before the @-sign.'
  if (!domain.includes('.')) return 'The part after the @-sign is not valid. It should have a period.'
  return 'The email address is not valid.'
}

// The messages of the Rust uuid crate, which pydantic reports as ctx.error.
function uuidProblem(s: string): string {
  let body = s
  let offset = 0
  let simple = true
  if (s.startsWith('urn:uuid:')) {
    body = s.slice(9)
    offset = 9
    simple = false
  } else if (s.startsWith('{') && s.endsWith('}')) {
    body = s.slice(1, -1)
    offset = 1
    simple = false
  }
  const hyphens: number[] = []
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!
    if (c === '-') hyphens.push(i)
    else if (!/[0-9a-fA-F]/.test(c)) {
      return `invalid character: expected an optional prefix of \`urn:uuid:\` followed by [0-9a-fA-F-], found \`${c}\` at ${i + offset + 1}`
    }
  }
  if (hyphens.length === 0 && simple)
    return `invalid length: expected length 32 for simple format, found ${body.length}`
  if (hyphens.length !== 4) return `invalid group count: expected 5, found ${hyphens.length + 1}`
  const expected = [8, 4, 4, 4, 12]
  const bounds = [-1, ...hyphens, body.length]
  for (let g = 0; g < 5; g++) {
    const found = bounds[g + 1]! - bounds[g]! - 1
    if (found !== expected[g]) return `invalid group length in group ${g}: expected ${expected[g]}, found ${found}`
  }
  return 'invalid length'
}

// The messages of the Rust url crate for the common mistakes.
function urlProblem(s: string): string {
  if (s.length === 0) return 'input is empty'
  const scheme = /^[a-zA-Z][a-zA-Z0-9+.-]*:/.exec(s)
  if (!scheme) return 'relative URL without a base'
  if (/^(https?|ftp|wss?):\/\/(\/|$|[?#])/i.test(s)) return 'empty host'
  if (/\s/.test(s)) return 'invalid domain character'
  return 'invalid international domain name'
}
