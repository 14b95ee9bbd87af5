import type { ValidationErrorItem } from '@typefast/validation'

/** Field names whose values never go back to the client in a 422: passwords, secrets, tokens, keys. */
const secretName = /pass(?:word|wd|phrase)?$|secret|token|api[-_]?key|authorization|credential/i

const REDACTED = '[Redacted]'

/**
 * The 422 error list with secrets taken out of each `input`: the value of a field named like a
 * secret, and such fields inside an echoed object (a missing field echoes its whole parent, as
 * FastAPI does). Runs only when a request is refused; returns the list itself when nothing changes.
 */
export function redactSecretInputs(errors: readonly ValidationErrorItem[]): readonly ValidationErrorItem[] {
  let changed: ValidationErrorItem[] | undefined
  for (let i = 0; i < errors.length; i++) {
    const item = errors[i]!
    const last = item.loc[item.loc.length - 1]
    let input: unknown
    if (typeof last === 'string' && secretName.test(last) && item.input !== null && item.input !== undefined) {
      input = REDACTED
    } else {
      input = redactObject(item.input, 0)
    }
    if (input !== item.input) {
      changed ??= errors.slice()
      changed[i] = { ...item, input }
    }
  }
  return changed ?? errors
}

function redactObject(value: unknown, depth: number): unknown {
  if (typeof value !== 'object' || value === null || depth > 8) return value
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined
    value.forEach((element, index) => {
      const redacted = redactObject(element, depth + 1)
      if (redacted !== element) (copy ??= value.slice())[index] = redacted
    })
    return copy ?? value
  }
  let copy: Record<string, unknown> | undefined
  for (const [key, element] of Object.entries(value)) {
    const redacted = secretName.test(key) && typeof element === 'string' ? REDACTED : redactObject(element, depth + 1)
    if (redacted !== element) (copy ??= { ...(value as Record<string, unknown>) })[key] = redacted
  }
  return copy ?? value
}
