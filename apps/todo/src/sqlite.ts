// The seam between the todo app and its SQLite. The app takes an open database; which driver
// opens it is the entry's choice: a file through the runtime's own driver (sqlite-file.ts, on
// Node, Bun and Deno) or a Durable Object's storage (sqlite-durable-object.ts, on Workers).
// This module imports no driver, so a Worker never loads one it cannot run.

/** A prepared statement; parameters are positional (`?`). */
export interface Statement<Params extends unknown[], Row> {
  all(...params: Params): Row[]
  /** The first row; undefined when there is none. */
  get(...params: Params): Row | undefined
  /** `changes` is more than 0 when a row was changed. */
  run(...params: Params): { changes: number | bigint }
}

/** An open SQLite database; blobs come back as Uint8Arrays. */
export interface SqliteDatabase {
  exec(sql: string): void
  prepare<Params extends unknown[] = [], Row = unknown>(sql: string): Statement<Params, Row>
  close(): void
}
