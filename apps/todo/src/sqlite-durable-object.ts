// The todo database in a Cloudflare Durable Object's own SQLite (`ctx.storage.sql`), the one
// durable SQLite a Worker has. Its API runs a query string with its parameters; it has no prepared
// statement to keep, so a statement here is its text, run with the parameters of each call.
import type { SqliteDatabase, Statement } from './sqlite.js'

type SqlValue = ArrayBuffer | string | number | null

/** What the todo database uses of a Durable Object's `SqlStorage` (the types ship with wrangler, not here). */
export interface SqlStorage {
  exec(query: string, ...bindings: unknown[]): SqlCursor
}
interface SqlCursor {
  toArray(): Record<string, SqlValue>[]
  /** Rows written, index entries included: more than 0 exactly when a row changed. */
  readonly rowsWritten: number
}

// The seam's blobs are Uint8Arrays, as the file drivers give them; Durable Objects give ArrayBuffers.
function fromStorage(row: Record<string, SqlValue>): unknown {
  for (const key in row) {
    const value = row[key]
    if (value instanceof ArrayBuffer) (row as Record<string, unknown>)[key] = new Uint8Array(value)
  }
  return row
}

function statement<Params extends unknown[], Row>(sql: SqlStorage, query: string): Statement<Params, Row> {
  const rows = (params: Params) =>
    sql
      .exec(query, ...params)
      .toArray()
      .map(fromStorage) as Row[]
  return {
    all: (...params) => rows(params),
    get: (...params) => rows(params)[0],
    run: (...params) => {
      const cursor = sql.exec(query, ...params)
      cursor.toArray()
      return { changes: cursor.rowsWritten }
    },
  }
}

/**
 * A Durable Object's SQLite storage as the todo database. Its transactions and journal are the
 * platform's, so no pragma is set; the storage lives as long as the object, so close does nothing.
 */
export function durableObjectDatabase(sql: SqlStorage): SqliteDatabase {
  return {
    exec: (query) => void sql.exec(query).toArray(),
    prepare: (query) => statement(sql, query),
    close: () => {},
  }
}
