import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { t } from '@typefast/validation'
import { describe, expect, expectTypeOf, test } from 'vitest'
import { SettingsError } from './errors.js'
import { settings } from './settings.js'

const Config = t.Object({
  port: t.Integer({ minimum: 1, maximum: 65535, default: 8000 }),
  host: t.String({ default: '127.0.0.1' }),
  debug: t.Boolean({ default: false }),
  database_url: t.String({ minLength: 1 }),
  ratio: t.Optional(t.Number()),
  mode: t.Union([t.Literal('dev'), t.Literal('prod')], { default: 'dev' }),
  allowed_hosts: t.Array(t.String(), { default: [] }),
  pool: t.Optional(t.Object({ size: t.Integer(), timeout: t.Number({ default: 5 }) })),
})

function envDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'typefast-settings-'))
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)
  return dir
}

describe('settings()', () => {
  test('typed values coerced from strings, defaults filled in', () => {
    const config = settings(Config, {
      env: { DATABASE_URL: 'sqlite://db', PORT: '9000', DEBUG: 'yes', RATIO: '0.5', MODE: 'prod', UNRELATED: 'x' },
    })
    expectTypeOf(config.port).toEqualTypeOf<number>()
    expectTypeOf(config.ratio).toEqualTypeOf<number | undefined>()
    expectTypeOf(config.mode).toEqualTypeOf<'dev' | 'prod'>()
    expect(config).toEqual({
      port: 9000,
      host: '127.0.0.1',
      debug: true,
      database_url: 'sqlite://db',
      ratio: 0.5,
      mode: 'prod',
      allowed_hosts: [],
    })
  })

  test('objects and arrays are read as JSON, as pydantic-settings does', () => {
    const config = settings(Config, {
      env: { DATABASE_URL: 'x', ALLOWED_HOSTS: '["a.example","b.example"]', POOL: '{"size":4}' },
    })
    expect(config.allowed_hosts).toEqual(['a.example', 'b.example'])
    expect(config.pool).toEqual({ size: 4, timeout: 5 })
  })

  test('one error names every bad variable; secret values are not shown', () => {
    const Secretive = t.Object({ ...Config.properties, api_key: t.String({ minLength: 32 }) })
    let error: unknown
    try {
      settings(Secretive, {
        env: { PORT: 'abc', DEBUG: 'maybe', POOL: '{"size":"big"}', ALLOWED_HOSTS: '[1', API_KEY: 'short-secret' },
      })
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(SettingsError)
    const { issues, message } = error as SettingsError
    expect(issues.map((i) => [i.variable, i.type])).toEqual(
      expect.arrayContaining([
        ['PORT', 'int_parsing'],
        ['DEBUG', 'bool_parsing'],
        ['DATABASE_URL', 'missing'],
        ['API_KEY', 'string_too_short'],
        ['ALLOWED_HOSTS', 'json_invalid'],
        ['POOL["size"]', 'int_parsing'],
      ]),
    )
    expect(issues).toHaveLength(6)
    expect(message).toMatch(/^6 invalid settings:\n/)
    expect(message).toContain(
      '  PORT: Input should be a valid integer, unable to parse string as an integer (got "abc")',
    )
    expect(message).toContain('  DATABASE_URL: Field required')
    expect(message).not.toContain('short-secret')
  })

  test('.env files: read in order, the environment wins, a missing file is skipped', () => {
    const dir = envDir({
      '.env': '# comment\nDATABASE_URL=postgres://file\nPORT=7000\nHOST="0.0.0.0"\n',
      '.env.local': 'PORT=7001\n',
    })
    const config = settings(Config, {
      env: { DEBUG: 'true' },
      envFile: [join(dir, '.env'), join(dir, '.env.local'), join(dir, 'missing.env')],
    })
    expect(config).toMatchObject({ database_url: 'postgres://file', port: 7001, host: '0.0.0.0', debug: true })
    const overridden = settings(Config, { env: { PORT: '1234' }, envFile: join(dir, '.env') })
    expect(overridden.port).toBe(1234)
  })

  test('prefix and case sensitivity', () => {
    const config = settings(Config, { env: { APP_DATABASE_URL: 'a', APP_PORT: '1', PORT: '2' }, prefix: 'APP_' })
    expect(config).toMatchObject({ database_url: 'a', port: 1 })
    expect(() => settings(Config, { env: { DATABASE_URL: 'a' }, caseSensitive: true })).toThrow(
      /database_url: Field required/,
    )
    expect(settings(Config, { env: { database_url: 'b' }, caseSensitive: true }).database_url).toBe('b')
  })

  test('reads process.env by default', () => {
    process.env.TYPEFAST_TEST_SETTING = '42'
    try {
      expect(settings(t.Object({ typefast_test_setting: t.Integer() }))).toEqual({ typefast_test_setting: 42 })
    } finally {
      delete process.env.TYPEFAST_TEST_SETTING
    }
  })
})
