import { TypefastError } from '@typefast/dependency-resolution'

// The error settings() can cause; the catalogue is docs/reference/errors.md.

/** One variable that is missing or wrong. */
export interface SettingsIssue {
  /** The environment variable, as it was set or as it should be set. */
  variable: string
  type: string
  msg: string
  input: unknown
}

/**
 * Thrown by settings() at start-up: its message names each bad variable, one per line, and says
 * where to set them.
 */
export class SettingsError extends TypefastError {
  readonly issues: readonly SettingsIssue[]

  constructor(issues: SettingsIssue[]) {
    const lines = issues.map((issue) => `  ${issue.variable}: ${issue.msg}${shownInput(issue)}`)
    super(
      'TF_INVALID_SETTINGS',
      `${issues.length} invalid setting${issues.length === 1 ? '' : 's'}:\n${lines.join('\n')}\n` +
        'Set each variable named in the environment or a .env file the settings read, with a value its schema accepts.',
    )
    this.issues = issues
  }
}

/** Values of secret-looking variables never reach an error message (nor the log it lands in). */
const secretName = /pass|secret|token|key|credential|private/i

function shownInput(issue: SettingsIssue): string {
  if (issue.input === null || issue.input === undefined || secretName.test(issue.variable)) return ''
  return ` (got ${JSON.stringify(issue.input)})`
}
