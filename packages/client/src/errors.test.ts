import { TypefastError } from '@typefast/dependency-resolution'
import { describe, expect, test } from 'vitest'
import { MissingPathParamError, OverridesUnsupportedError } from './errors.js'
import { override } from './override.js'
import { fillPath } from './path.js'
import { testClient } from './test-client.js'

describe('client errors: class, code and the fix', () => {
  test('TF_MISSING_PATH_PARAM', () => {
    expect(() => fillPath('/items/{id}', {})).toThrow(MissingPathParamError)
    expect(() => fillPath('/items/{id}', {})).toThrow(
      expect.objectContaining({
        code: 'TF_MISSING_PATH_PARAM',
        message: expect.stringContaining('{ params: { id: ... } }'),
      }),
    )
  })

  test('TF_OVERRIDES_UNSUPPORTED', async () => {
    const { dependency } = await import('@typefast/dependency-resolution')
    const db = dependency(() => 'real')
    const app = { inject: async () => ({ status: 200, headers: {}, body: '' }) } as never
    expect(() =>
      testClient(app, {
        overrides: [
          override(
            db,
            dependency(() => 'fake'),
          ),
        ],
      }),
    ).toThrow(OverridesUnsupportedError)
    expect(() =>
      testClient(app, {
        overrides: [
          override(
            db,
            dependency(() => 'fake'),
          ),
        ],
      }),
    ).toThrow(
      expect.objectContaining({ code: 'TF_OVERRIDES_UNSUPPORTED', message: expect.stringContaining('createApp()') }),
    )
    expect(new OverridesUnsupportedError()).toBeInstanceOf(TypefastError)
  })
})
