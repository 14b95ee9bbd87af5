import type { SqliteDatabase, Statement } from './sqlite.js'

/** A task as stored and as the API answers it. */
export interface TaskRecord {
  id: number
  title: string
  completed: boolean
}

export interface NewTask {
  title: string
  completed: boolean
}

export interface TaskChanges {
  title?: string | undefined
  completed?: boolean | undefined
}

interface TaskRow {
  id: number
  title: string
  completed: number
}

const toTask = (row: TaskRow): TaskRecord => ({ id: row.id, title: row.title, completed: row.completed === 1 })

/**
 * The tasks table of the todo database (an open SQLite: sqlite.ts). The schema is created and every statement is
 * prepared once, when the repository is made (at the app's start-up); requests only run them.
 */
export class TaskRepository {
  // Every statement is scoped to the task's owner (the last parameter): another user's task is not found.
  readonly #list: Statement<[number, number, number], TaskRow>
  readonly #get: Statement<[number, number], TaskRow>
  readonly #insert: Statement<[string, number, number], TaskRow>
  readonly #replace: Statement<[string, number, number, number], TaskRow>
  readonly #update: Statement<[string | null, number | null, number, number], TaskRow>
  readonly #delete: Statement<[number, number], never>

  constructor(db: SqliteDatabase) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS tasks (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        title TEXT NOT NULL,
        completed INTEGER NOT NULL DEFAULT 0,
        owner_id INTEGER NOT NULL DEFAULT 0
      )`)
    // A file from before users existed: its tasks belong to nobody (owner 0).
    const columns = db.prepare<[], { name: string }>('PRAGMA table_info(tasks)').all()
    if (!columns.some((column) => column.name === 'owner_id')) {
      db.exec('ALTER TABLE tasks ADD COLUMN owner_id INTEGER NOT NULL DEFAULT 0')
    }
    db.exec('CREATE INDEX IF NOT EXISTS tasks_by_owner ON tasks (owner_id, id)')
    this.#list = db.prepare('SELECT id, title, completed FROM tasks WHERE owner_id = ? ORDER BY id LIMIT ? OFFSET ?')
    this.#get = db.prepare('SELECT id, title, completed FROM tasks WHERE id = ? AND owner_id = ?')
    this.#insert = db.prepare(
      'INSERT INTO tasks (title, completed, owner_id) VALUES (?, ?, ?) RETURNING id, title, completed',
    )
    this.#replace = db.prepare(
      'UPDATE tasks SET title = ?, completed = ? WHERE id = ? AND owner_id = ? RETURNING id, title, completed',
    )
    this.#update = db.prepare(
      `UPDATE tasks SET title = coalesce(?, title), completed = coalesce(?, completed)
       WHERE id = ? AND owner_id = ? RETURNING id, title, completed`,
    )
    this.#delete = db.prepare('DELETE FROM tasks WHERE id = ? AND owner_id = ?')
  }

  /** `owner`'s tasks, in creation order. */
  list(owner: number, skip: number, limit: number): TaskRecord[] {
    return this.#list.all(owner, limit, skip).map(toTask)
  }

  /** undefined when there is no such task of `owner`'s. */
  get(owner: number, id: number): TaskRecord | undefined {
    const row = this.#get.get(id, owner)
    return row && toTask(row)
  }

  create(owner: number, task: NewTask): TaskRecord {
    return toTask(this.#insert.get(task.title, task.completed ? 1 : 0, owner)!)
  }

  /** Replace every field; undefined when there is no such task. */
  replace(owner: number, id: number, task: NewTask): TaskRecord | undefined {
    const row = this.#replace.get(task.title, task.completed ? 1 : 0, id, owner)
    return row && toTask(row)
  }

  /** Change the given fields only; undefined when there is no such task. */
  update(owner: number, id: number, changes: TaskChanges): TaskRecord | undefined {
    const completed = changes.completed === undefined ? null : changes.completed ? 1 : 0
    const row = this.#update.get(changes.title ?? null, completed, id, owner)
    return row && toTask(row)
  }

  /** false when there was no such task. */
  delete(owner: number, id: number): boolean {
    return this.#delete.run(id, owner).changes > 0
  }
}
