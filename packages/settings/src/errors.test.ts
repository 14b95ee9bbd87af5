import { t } from '@typefast/validation'
import { describe, expect, test } from 'vitest'
import { thrown } from '../../dependency-resolution/src/testing/startup-error.js'
import { SettingsError } from './errors.js'
import { settings } from './settings.js'

describe('TF_INVALID_SETTINGS', () => {
  test('names each bad variable and says where to set it', () => {
    const Config = t.Object({ port: t.Integer(), database_url: t.String() })
    const error = thrown(
      () => settings(Config, { env: { PORT: 'eighty' } }),
      SettingsError,
      'TF_INVALID_SETTINGS',
      'Set each variable named in the environment or a .env file',
    )
    expect(error.issues.map((issue) => issue.variable)).toEqual(['PORT', 'DATABASE_URL'])
  })
})
