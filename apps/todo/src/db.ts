import Database from 'better-sqlite3'

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
 * The tasks table of an embedded SQLite file. The schema is created and every statement is
 * prepared once, when the repository opens (at the app's start-up); requests only run them.
 */
export class TaskRepository {
  readonly #db: Database.Database
  readonly #list: Database.Statement<[number, number], TaskRow>
  readonly #get: Database.Statement<[number], TaskRow>
  readonly #insert: Database.Statement<[string, number], TaskRow>
  readonly #replace: Database.Statement<[string, number, number], TaskRow>
  readonly #update: Database.Statement<[string | null, number | null, number], TaskRow>
  readonly #delete: Database.Statement<[number]>

  constructor(path: string) {
    this.#db = new Database(path)
    this.#db.pragma('journal_mode = WAL')
    this.#db.exec(`
      CREATE TABLE IF NOT EXISTS tasks (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        title TEXT NOT NULL,
        completed INTEGER NOT NULL DEFAULT 0
      )`)
    this.#list = this.#db.prepare('SELECT id, title, completed FROM tasks ORDER BY id LIMIT ? OFFSET ?')
    this.#get = this.#db.prepare('SELECT id, title, completed FROM tasks WHERE id = ?')
    this.#insert = this.#db.prepare('INSERT INTO tasks (title, completed) VALUES (?, ?) RETURNING id, title, completed')
    this.#replace = this.#db.prepare(
      'UPDATE tasks SET title = ?, completed = ? WHERE id = ? RETURNING id, title, completed',
    )
    this.#update = this.#db.prepare(
      `UPDATE tasks SET title = coalesce(?, title), completed = coalesce(?, completed)
       WHERE id = ? RETURNING id, title, completed`,
    )
    this.#delete = this.#db.prepare('DELETE FROM tasks WHERE id = ?')
  }

  list(skip: number, limit: number): TaskRecord[] {
    return this.#list.all(limit, skip).map(toTask)
  }

  get(id: number): TaskRecord | undefined {
    const row = this.#get.get(id)
    return row && toTask(row)
  }

  create(task: NewTask): TaskRecord {
    return toTask(this.#insert.get(task.title, task.completed ? 1 : 0)!)
  }

  /** Replace every field; undefined when there is no such task. */
  replace(id: number, task: NewTask): TaskRecord | undefined {
    const row = this.#replace.get(task.title, task.completed ? 1 : 0, id)
    return row && toTask(row)
  }

  /** Change the given fields only; undefined when there is no such task. */
  update(id: number, changes: TaskChanges): TaskRecord | undefined {
    const completed = changes.completed === undefined ? null : changes.completed ? 1 : 0
    const row = this.#update.get(changes.title ?? null, completed, id)
    return row && toTask(row)
  }

  /** false when there was no such task. */
  delete(id: number): boolean {
    return this.#delete.run(id).changes > 0
  }

  close(): void {
    this.#db.close()
  }
}

export function openTaskRepository(path: string): TaskRepository {
  return new TaskRepository(path)
}
