import { post } from '@typefast/router'
import { t } from '@typefast/validation'
import { describe, expect, test } from 'vitest'
import { createApp } from '../app/app.js'
import { redactSecretInputs } from './redact.js'

describe('redactSecretInputs', () => {
  test('takes secrets out of echoed inputs and leaves the rest as it is', () => {
    const errors = [
      { type: 'missing', loc: ['body', 'username'], msg: 'Field required', input: { password: 'p', keep: 1 } },
      { type: 'string_too_short', loc: ['body', 'password'], msg: 'short', input: 'p' },
      { type: 'x', loc: ['body', 'nested'], msg: 'm', input: [{ client_secret: 's', api_key: 'k', name: 'n' }] },
      { type: 'int_parsing', loc: ['query', 'limit'], msg: 'm', input: 'abc' },
    ]
    expect(redactSecretInputs(errors)).toEqual([
      { ...errors[0], input: { password: '[Redacted]', keep: 1 } },
      { ...errors[1], input: '[Redacted]' },
      { ...errors[2], input: [{ client_secret: '[Redacted]', api_key: '[Redacted]', name: 'n' }] },
      errors[3],
    ])
    expect(errors[0]?.input).toEqual({ password: 'p', keep: 1 })
    const clean = [errors[3]!]
    expect(redactSecretInputs(clean)).toBe(clean)
  })

  test('the default 422 answer never echoes a password', async () => {
    const app = createApp().add(
      post(
        '/users',
        { body: t.Object({ username: t.String(), password: t.String({ minLength: 8 }) }, { $id: 'NewUser' }) },
        () => ({}),
      ),
    )
    for (const json of [{ password: 'hunter2-secret' }, { username: 'a', password: 'pw-7x' }]) {
      const response = await app.inject({ method: 'POST', url: '/users', json })
      expect(response.status).toBe(422)
      expect(response.body).not.toContain(json.password)
      expect(response.body).toContain('[Redacted]')
    }
  })
})
