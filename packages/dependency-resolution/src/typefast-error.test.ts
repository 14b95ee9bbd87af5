import { describe, expect, it } from 'vitest'
import { TypefastError } from './typefast-error.js'

class ExampleError extends TypefastError {
  constructor(route: string) {
    super('TF_EXAMPLE', `${route}: an example; fix it`)
  }
}

describe('TypefastError', () => {
  it('carries a stable code and the subclass name', () => {
    const error = new ExampleError('GET /items')
    expect(error).toBeInstanceOf(TypefastError)
    expect(error).toBeInstanceOf(Error)
    expect(error.code).toBe('TF_EXAMPLE')
    expect(error.name).toBe('ExampleError')
    expect(error.message).toBe('GET /items: an example; fix it')
  })

  it('keeps the cause', () => {
    const cause = new Error('inner')
    expect(new TypefastError('TF_X', 'outer', { cause }).cause).toBe(cause)
  })
})
