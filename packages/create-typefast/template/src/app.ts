import { createApp, dependency, get, HTTPException, post, router, t } from 'typefast'

export const Item = t.Object(
  {
    name: t.String({ minLength: 1, maxLength: 100 }),
    price: t.Number({ exclusiveMinimum: 0 }),
  },
  { $id: 'Item' },
)

/** Where items live: an in-memory store here; swap it for a database client. */
export class ItemStore {
  private readonly items = new Map<number, { name: string; price: number }>([[1, { name: 'Hammer', price: 9.5 }]])
  private nextId = 2

  get(id: number) {
    return this.items.get(id)
  }

  add(item: { name: string; price: number }) {
    const id = this.nextId++
    this.items.set(id, item)
    return { id, ...item }
  }
}

const store = new ItemStore()

/** The store each route receives; tests replace it with `override(itemStore, ...)`. */
export const itemStore = dependency(() => store)

const items = router(
  { prefix: '/items', tags: ['items'] },
  get(
    '/{item_id}',
    { params: t.Object({ item_id: t.Integer() }), deps: { store: itemStore }, response: Item },
    ({ params, deps }) => {
      const item = deps.store.get(params.item_id)
      if (!item) throw new HTTPException(404, 'Item not found')
      return item
    },
  ),
  post('/', { body: Item, status: 201, deps: { store: itemStore } }, ({ body, deps }) => deps.store.add(body)),
)

export const app = createApp({ title: 'My API', version: '0.1.0' })
  .include(items)
  .get('/', () => ({ message: 'Hello from typefast' }))
