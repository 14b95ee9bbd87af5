import { TypefastError } from '@typefast/dependency-resolution'
import { t } from '@typefast/validation'
import { describe, expect, test } from 'vitest'
import { SettingsError } from './errors.js'
import { settings } from './settings.js'

describe('TF_INVALID_SETTINGS', () => {
  test('names each bad variable and says where to set it', () => {
    const Config = t.Object({ port: t.Integer(), database_url: t.String() })
    let error: unknown
    try {
      settings(Config, { env: { PORT: 'eighty' } })
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(SettingsError)
    expect(error).toBeInstanceOf(TypefastError)
    expect((error as SettingsError).code).toBe('TF_INVALID_SETTINGS')
    expect((error as SettingsError).issues.map((issue) => issue.variable)).toEqual(['PORT', 'DATABASE_URL'])
    expect((error as Error).message).toContain('Set each variable named in the environment or a .env file')
  })
})
