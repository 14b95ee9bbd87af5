/**
 * V8's JSON.parse messages (and JavaScriptCore's end of input, on Bun) turned into what FastAPI reports (Python's json module): the
 * character position and its message. Only the error path pays for this.
 */
export function describeJsonError(message: string, text: string): { position: number; error: string } {
  const at = /at position (\d+)/.exec(message)
  const position = at
    ? Number(at[1])
    : /end of JSON input|Unexpected EOF/.test(message)
      ? text.length
      : unexpectedTokenPosition(message, text)
  const error = pythonMessage(message)
  // V8 points inside a misspelt literal (`nul`, `name`); Python at the value it could not read.
  return { position: error === 'Expecting value' ? literalStart(text, position) : position, error }
}

function literalStart(text: string, position: number): number {
  let start = position
  while (start > 0 && /[A-Za-z]/.test(text[start - 1]!)) start--
  return start
}

function unexpectedTokenPosition(message: string, text: string): number {
  const token = /Unexpected token '(.)'/.exec(message)?.[1]
  const index = token === undefined ? -1 : text.indexOf(token)
  return index === -1 ? 0 : index
}

function pythonMessage(message: string): string {
  if (/property name/.test(message)) return 'Expecting property name enclosed in double quotes'
  if (/Expected ':'/.test(message)) return "Expecting ':' delimiter"
  if (/Expected ','/.test(message)) return "Expecting ',' delimiter"
  if (/non-whitespace character after JSON/.test(message)) return 'Extra data'
  if (/Unterminated string/.test(message)) return 'Unterminated string starting at'
  if (/control character/.test(message)) return 'Invalid control character at'
  return 'Expecting value'
}
