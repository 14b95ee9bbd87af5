/**
 * What pydantic's JSON parser (jiter) reports for text that is not JSON, as `Json[...]` fields
 * word it: `expected value at line 1 column 1`. Undefined when the text is JSON (jiter also reads
 * NaN, Infinity and -Infinity). Only the error path calls this.
 */
export function jsonTextError(text: string): string | undefined {
  try {
    new JsonScanner(text).document()
    return undefined
  } catch (error) {
    if (error instanceof JsonSyntaxError) return error.message
    throw error
  }
}

class JsonSyntaxError extends Error {}

const WHITESPACE = new Set([' ', '\t', '\n', '\r'])
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't'])
const isDigit = (char: string | undefined) => char !== undefined && char >= '0' && char <= '9'

class JsonScanner {
  #at = 0
  readonly #text: string

  constructor(text: string) {
    this.#text = text
  }

  document(): void {
    this.#value()
    this.#skipWhitespace()
    if (this.#at < this.#text.length) this.#fail('trailing characters')
  }

  // jiter counts columns from 1 at the offending character; at the end of the text, the column
  // is the length of the last line.
  #fail(what: string, atEnd = this.#at >= this.#text.length): never {
    const lineStart = this.#text.lastIndexOf('\n', this.#at - 1) + 1
    const line = this.#text.slice(0, lineStart).split('\n').length
    const column = atEnd ? this.#text.length - lineStart : this.#at - lineStart + 1
    throw new JsonSyntaxError(`${what} at line ${line} column ${column}`)
  }

  #eof(what: string): never {
    this.#at = this.#text.length
    return this.#fail(`EOF while parsing ${what}`, true)
  }

  #peek(): string | undefined {
    return this.#text[this.#at]
  }

  #skipWhitespace(): void {
    while (WHITESPACE.has(this.#text[this.#at] ?? '')) this.#at++
  }

  #value(): void {
    this.#skipWhitespace()
    const char = this.#peek()
    if (char === undefined) this.#eof('a value')
    else if (char === '{') this.#object()
    else if (char === '[') this.#list()
    else if (char === '"') this.#string()
    else if (char === '-' || isDigit(char)) this.#number()
    else {
      const ident = { t: 'true', f: 'false', n: 'null', N: 'NaN', I: 'Infinity' }[char]
      if (ident === undefined) this.#fail('expected value')
      this.#ident(ident)
    }
  }

  #ident(word: string): void {
    for (const expected of word) {
      const char = this.#peek()
      if (char === undefined) this.#eof('a value')
      if (char !== expected) this.#fail('expected ident')
      this.#at++
    }
  }

  #object(): void {
    this.#at++
    this.#skipWhitespace()
    if (this.#peek() === '}') {
      this.#at++
      return
    }
    for (;;) {
      const char = this.#peek()
      if (char === undefined) this.#eof('an object')
      if (char !== '"') this.#fail('key must be a string')
      this.#string()
      this.#skipWhitespace()
      if (this.#peek() === undefined) this.#eof('an object')
      if (this.#peek() !== ':') this.#fail('expected `:`')
      this.#at++
      this.#value()
      if (this.#separator('}', 'an object')) return
    }
  }

  #list(): void {
    this.#at++
    this.#skipWhitespace()
    if (this.#peek() === undefined) this.#eof('a list')
    if (this.#peek() === ']') {
      this.#at++
      return
    }
    for (;;) {
      this.#value()
      if (this.#separator(']', 'a list')) return
    }
  }

  /** After a member: true at the closing character, false after a comma that another member follows. */
  #separator(close: string, what: string): boolean {
    this.#skipWhitespace()
    const char = this.#peek()
    if (char === undefined) this.#eof(what)
    if (char === close) {
      this.#at++
      return true
    }
    if (char !== ',') this.#fail(`expected \`,\` or \`${close}\``)
    this.#at++
    this.#skipWhitespace()
    if (this.#peek() === undefined) this.#eof('a value')
    if (this.#peek() === close) this.#fail('trailing comma')
    return false
  }

  #string(): void {
    this.#at++
    for (;;) {
      const char = this.#peek()
      if (char === undefined) this.#eof('a string')
      this.#at++
      if (char === '"') return
      if (char < ' ') {
        this.#at--
        this.#fail('control character (\\u0000-\\u001F) found while parsing a string')
      }
      if (char !== '\\') continue
      const escaped = this.#peek()
      if (escaped === undefined) this.#eof('a string')
      if (escaped === 'u') {
        for (let i = 0; i < 4; i++) {
          this.#at++
          const hex = this.#peek()
          if (hex === undefined) this.#eof('a string')
          if (!/[0-9a-fA-F]/.test(hex)) this.#fail('invalid escape')
        }
      } else if (!ESCAPES.has(escaped)) this.#fail('invalid escape')
      this.#at++
    }
  }

  #number(): void {
    if (this.#peek() === '-') {
      this.#at++
      if (this.#peek() === 'I') {
        this.#ident('Infinity')
        return
      }
    }
    if (this.#peek() === '0') {
      this.#at++
      if (isDigit(this.#peek())) this.#fail('invalid number')
    } else this.#digits()
    if (this.#peek() === '.') {
      this.#at++
      this.#digits()
    }
    if (this.#peek() === 'e' || this.#peek() === 'E') {
      this.#at++
      if (this.#peek() === '+' || this.#peek() === '-') this.#at++
      this.#digits()
    }
  }

  /** One or more digits. */
  #digits(): void {
    const char = this.#peek()
    if (char === undefined) this.#eof('a value')
    if (!isDigit(char)) this.#fail('invalid number')
    while (isDigit(this.#peek())) this.#at++
  }
}
