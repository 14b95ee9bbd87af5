import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto'
import type { SqliteDatabase, Statement } from './sqlite.js'

/** A user as the API answers it: never with its password hash. */
export interface UserRecord {
  id: number
  username: string
  /** The OAuth2 scopes this user may ask for. */
  scopes: string[]
}

interface UserRow {
  id: number
  username: string
  // Buffers from better-sqlite3, Uint8Arrays from the other drivers.
  password_hash: Uint8Array
  salt: Uint8Array
  scopes: string
}

/** Every scope of the API; a new user may ask for all of them. */
export const ALL_SCOPES = ['tasks:read', 'tasks:write'] as const

// scrypt with a 16-byte random salt per user; N = 2^15 (about 32 MiB, 50 ms), r = 8, p = 1.
const KEY_LENGTH = 64
const SCRYPT: ScryptOptions = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 }

function derive(password: string, salt: Uint8Array): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, SCRYPT, (error, key) => (error ? reject(error) : resolve(key))),
  )
}

/** A password's salt and scrypt hash, to store. */
export async function hashPassword(password: string): Promise<{ salt: Buffer; hash: Buffer }> {
  const salt = randomBytes(16)
  return { salt, hash: await derive(password, salt) }
}

/** Whether `password` is the one hashed; compared in constant time. */
export async function verifyPassword(password: string, salt: Uint8Array, hash: Uint8Array): Promise<boolean> {
  const candidate = await derive(password, salt)
  return candidate.length === hash.length && timingSafeEqual(candidate, hash)
}

/** The users table of the todo database: names, scrypt hashes with their salts, and scopes. */
export class UserRepository {
  readonly #insert: Statement<[string, Buffer, Buffer, string], { id: number }>
  readonly #byName: Statement<[string], UserRow>
  readonly #byId: Statement<[number], UserRow>
  // Checked against when the user does not exist, so that a login takes as long either way.
  readonly #decoy = hashPassword(randomBytes(16).toString('hex'))

  constructor(db: SqliteDatabase) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS users (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        username TEXT NOT NULL UNIQUE,
        password_hash BLOB NOT NULL,
        salt BLOB NOT NULL,
        scopes TEXT NOT NULL
      )`)
    this.#insert = db.prepare(
      'INSERT INTO users (username, password_hash, salt, scopes) VALUES (?, ?, ?, ?) ON CONFLICT (username) DO NOTHING RETURNING id',
    )
    this.#byName = db.prepare('SELECT id, username, password_hash, salt, scopes FROM users WHERE username = ?')
    this.#byId = db.prepare('SELECT id, username, password_hash, salt, scopes FROM users WHERE id = ?')
  }

  /** Create a user; undefined when the name is taken. */
  async create(
    username: string,
    password: string,
    scopes: readonly string[] = ALL_SCOPES,
  ): Promise<UserRecord | undefined> {
    const { salt, hash } = await hashPassword(password)
    const row = this.#insert.get(username, hash, salt, scopes.join(' '))
    return row && { id: row.id, username, scopes: [...scopes] }
  }

  /** The user whose name and password these are; undefined otherwise (in about the same time). */
  async authenticate(username: string, password: string): Promise<UserRecord | undefined> {
    const row = this.#byName.get(username)
    if (row === undefined) {
      const decoy = await this.#decoy
      await verifyPassword(password, decoy.salt, decoy.hash)
      return undefined
    }
    return (await verifyPassword(password, row.salt, row.password_hash)) ? toUser(row) : undefined
  }

  get(id: number): UserRecord | undefined {
    const row = this.#byId.get(id)
    return row && toUser(row)
  }
}

function toUser(row: UserRow): UserRecord {
  return { id: row.id, username: row.username, scopes: row.scopes.split(' ').filter(Boolean) }
}
