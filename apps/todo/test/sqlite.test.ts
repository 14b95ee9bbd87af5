import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { openDatabase, sqliteDriver } from '../src/sqlite-file.js'

test("the driver is the runtime's SQLite: better-sqlite3 only where Node has no node:sqlite", () => {
  const [major, minor] = process.versions.node.split('.').map(Number) as [number, number]
  const builtIn = major > 22 || (major === 22 && minor >= 5)
  expect(sqliteDriver).toBe(builtIn ? 'node:sqlite' : 'better-sqlite3')
})

test('a statement answers rows, undefined for no row, and the count of changed rows', () => {
  const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'todo-sqlite-')), 'test.db'))
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL, data BLOB)')
  const insert = db.prepare<[string, Uint8Array], { id: number }>(
    'INSERT INTO t (name, data) VALUES (?, ?) RETURNING id',
  )
  expect(insert.get('a', new Uint8Array([1, 2]))).toEqual({ id: 1 })
  const byId = db.prepare<[number], { name: string; data: Uint8Array }>('SELECT name, data FROM t WHERE id = ?')
  expect(byId.get(2)).toBeUndefined()
  const row = byId.get(1)!
  expect([row.name, [...row.data]]).toEqual(['a', [1, 2]])
  expect(db.prepare<[], { journal_mode: string }>('PRAGMA journal_mode').all()).toEqual([{ journal_mode: 'wal' }])
  expect(Number(db.prepare<[string], never>('DELETE FROM t WHERE name = ?').run('a').changes)).toBe(1)
  db.close()
})
