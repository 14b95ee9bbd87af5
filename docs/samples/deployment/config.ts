import { settings, t } from 'typefast'

// What the app needs from its environment, as a schema: names, types, defaults, constraints.
export const Config = t.Object({
  database_url: t.String({ minLength: 1 }),
  port: t.Integer({ minimum: 0, maximum: 65535, default: 8000 }),
  debug: t.Boolean({ default: false }),
  root_path: t.String({ default: '' }),
  allowed_origins: t.Array(t.String(), { default: [] }),
})

// Read once, at start-up: DATABASE_URL, PORT, DEBUG=yes, ALLOWED_ORIGINS='["https://a.example"]'.
// A missing or invalid variable throws a SettingsError that names each one.
export function loadConfig(env: Record<string, string | undefined> = process.env) {
  return settings(Config, { env, envFile: ['.env', '.env.local'] })
}
