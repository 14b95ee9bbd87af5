import { createApp, t } from 'typefast'

const fakeItems = [{ item_name: 'Foo' }, { item_name: 'Bar' }, { item_name: 'Baz' }]

export const app = createApp().get(
  '/items/',
  { query: t.Object({ skip: t.Integer({ default: 0 }), limit: t.Integer({ default: 10 }) }) },
  function readItems({ query }) {
    return fakeItems.slice(query.skip, query.skip + query.limit)
  },
)
