// Requests for docs/background-tasks.md: tasks added by the handler and by a dependency run after
// the answer, so the answer is all there is to compare.
import { fieldVariants, urlencode } from '../generate-extra.mjs'

const notify = [
  ['an address', '/send-notification/ada@example.com'],
  ['an address and a query', '/send-notification/ada@example.com?q=hello'],
  ['an empty query', '/send-notification/ada@example.com?q='],
  ['a repeated query', '/send-notification/ada@example.com?q=a&q=b'],
  ['a unicode address', '/send-notification/%C3%A9t%C3%A9@example.com'],
  ['a percent-encoded slash in the address', '/send-notification/a%2Fb'],
  ['a plus in the address', '/send-notification/a+b@example.com'],
  ['a space in the address', '/send-notification/a%20b'],
  ['a very long address', `/send-notification/${'a'.repeat(2000)}`],
  ['a number as address', '/send-notification/9007199254740993'],
  ['no address', '/send-notification/'],
  ['a trailing slash', '/send-notification/ada@example.com/'],
].map(([name, url]) => ({ sample: 'send-notification', name, method: 'POST', url }))

// Generated: the address and the query varied one at a time, then both (seeded).
const generated = fieldVariants({
  fields: { email: 'ada@example.com', q: 'hello' },
  seed: 11,
  build: (pairs) => {
    const email = pairs
      .filter(([n]) => n === 'email')
      .map(([, v]) => encodeURIComponent(v))
      .join('/')
    return { url: `/send-notification/${email}?${urlencode(pairs.filter(([n]) => n === 'q'))}` }
  },
}).map((c) => ({ ...c, sample: 'send-notification', name: `generated: ${c.name}`, method: 'POST' }))

export default [
  ...notify,
  {
    sample: 'send-notification',
    name: 'a JSON body is ignored',
    method: 'POST',
    url: '/send-notification/ada@example.com',
    json: { q: 'x' },
  },
  {
    sample: 'send-notification',
    name: 'a text body is ignored',
    method: 'POST',
    url: '/send-notification/ada@example.com',
    headers: { 'content-type': 'text/plain' },
    body: 'hello',
  },
  { sample: 'send-notification', name: 'GET is not allowed', method: 'GET', url: '/send-notification/ada@example.com' },
  { sample: 'send-notification', name: 'an unknown path', method: 'POST', url: '/send-notifications/ada' },
  ...generated,
]
