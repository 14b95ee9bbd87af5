// The todo database on a file, through the SQLite driver this runtime has. Every driver is the
// real, embedded SQLite: bun:sqlite on Bun, node:sqlite where Node has it (22.5 and later) and on
// Deno, and better-sqlite3 (a native addon) on Node 20, which has no built-in SQLite.
import type { SqliteDatabase, Statement } from './sqlite.js'

/** The drivers' own statements, as far as the seam uses them (bun:sqlite answers null for no row). */
interface DriverStatement {
  all(...params: unknown[]): unknown[]
  get(...params: unknown[]): unknown
  run(...params: unknown[]): { changes: number | bigint }
}
interface DriverDatabase {
  exec(sql: string): unknown
  prepare(sql: string): DriverStatement
  close(): void
}
type Open = (path: string) => DriverDatabase

// Specifiers in variables: the types of node:sqlite and bun:sqlite are not in Node 20's @types/node.
const bunSqlite = 'bun:sqlite'
const nodeSqlite = 'node:sqlite'

async function driver(): Promise<{ name: string; open: Open }> {
  if (process.versions.bun !== undefined) {
    const { Database } = await import(bunSqlite)
    return { name: bunSqlite, open: (path) => new Database(path) }
  }
  try {
    const { DatabaseSync } = await import(nodeSqlite)
    return { name: nodeSqlite, open: (path) => new DatabaseSync(path) }
  } catch (error) {
    // Node 20: no built-in SQLite, so the native addon.
    if ((error as { code?: string }).code !== 'ERR_UNKNOWN_BUILTIN_MODULE') throw error
  }
  const { default: Database } = await import('better-sqlite3')
  return { name: 'better-sqlite3', open: (path) => new Database(path) as unknown as DriverDatabase }
}

const chosen = await driver()

/** The SQLite driver in use: `bun:sqlite`, `node:sqlite` or `better-sqlite3`. */
export const sqliteDriver = chosen.name

function statement<Params extends unknown[], Row>(inner: DriverStatement): Statement<Params, Row> {
  return {
    all: (...params) => inner.all(...params) as Row[],
    get: (...params) => (inner.get(...params) ?? undefined) as Row | undefined,
    run: (...params) => inner.run(...params),
  }
}

/** The SQLite file at `path`, created when missing, in WAL mode and waiting up to 5 s for a lock. */
export function openDatabase(path: string): SqliteDatabase {
  const db = chosen.open(path)
  db.exec('PRAGMA journal_mode = WAL')
  db.exec('PRAGMA busy_timeout = 5000')
  return {
    exec: (sql) => void db.exec(sql),
    prepare: (sql) => statement(db.prepare(sql)),
    close: () => db.close(),
  }
}
