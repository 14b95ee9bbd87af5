import { createApp, dependency, HTTPException, lifespan, t } from 'typefast'

const Item = t.Object({ id: t.Integer(), name: t.String({ minLength: 1 }) }, { $id: 'Item' })
const NewItem = t.Object({ name: t.String({ minLength: 1 }) }, { $id: 'NewItem' })

/** Where the items live. In production this would be a database. */
export class ItemStore {
  readonly #items = new Map<number, { id: number; name: string }>()
  add(name: string) {
    const item = { id: this.#items.size + 1, name }
    this.#items.set(item.id, item)
    return item
  }
  find(id: number) {
    return this.#items.get(id)
  }
}

/** What happened to the app's lifespan, for the tests to look at. */
export const events: string[] = []

// One store for the whole life of the app: opened at start-up, closed at shutdown.
const life = lifespan(async function* () {
  events.push('startup')
  yield { store: new ItemStore() }
  events.push('shutdown')
})

export const store = dependency({ deps: { app: life.state } }, ({ deps }) => deps.app.store)

const token = dependency({ headers: t.Object({ 'x-token': t.String() }) }, ({ headers }) => {
  if (headers['x-token'] !== 'coneofsilence') throw new HTTPException(401, 'Invalid X-Token header')
})

export const app = createApp({ title: 'Items', lifespan: life })
  .get(
    '/items/{item_id}',
    { params: t.Object({ item_id: t.Integer() }), deps: { store }, response: Item },
    function readItem({ params, deps }) {
      const item = deps.store.find(params.item_id)
      if (!item) throw new HTTPException(404, 'Item not found')
      return item
    },
  )
  .post(
    '/items',
    { body: NewItem, deps: { store, token }, status: 201 as const, response: Item },
    function createItem({ body, deps }) {
      return deps.store.add(body.name)
    },
  )
