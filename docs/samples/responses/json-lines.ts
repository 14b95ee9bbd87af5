import { createApp, t } from 'typefast'

const Row = t.Object({ id: t.Integer(), name: t.String() }, { $id: 'Row' })

const rows = [
  { id: 1, name: 'Widget', cost: 4.2 },
  { id: 2, name: 'Gadget', cost: 11 },
]

// An `async function*` handler answers application/jsonl: one line per item, each item checked
// against `response` and serialized by it (`cost` is not in the schema, so it is not sent).
export const app = createApp().get('/rows', { response: Row }, async function* exportRows() {
  for (const row of rows) yield row
})
