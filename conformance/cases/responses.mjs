// Requests for docs/responses.md: a file, JSON Lines, a plain stream, Server-Sent Events.
import { routeCases } from '../generate.mjs'

const get = (sample, name, url, headers) => ({ sample, name, method: 'GET', url, ...(headers && { headers }) })

export default [
  get('file', 'the report', '/report'),
  get('file', 'a range', '/report', { range: 'bytes=0-9' }),
  get('file', 'a range past the end', '/report', { range: 'bytes=100000-' }),
  get('file', 'a suffix range', '/report', { range: 'bytes=-5' }),
  get('file', 'a malformed range', '/report', { range: 'lines=1-2' }),
  get('file', 'several ranges', '/report', { range: 'bytes=0-1,3-4' }),
  { sample: 'file', name: 'HEAD the report', method: 'HEAD', url: '/report' },
  get('file', 'the download', '/report/download'),
  get('file', 'the download under another name', '/report/download?name=q3.csv'),
  get('file', 'a unicode download name', '/report/download?name=%C3%A9t%C3%A9.csv'),
  get('file', 'a download name with a quote', '/report/download?name=a%22b.csv'),
  ...routeCases({
    sample: 'file',
    name: 'download',
    path: '/report/download',
    query: { name: 'r.csv' },
    seed: 41,
    mixed: 0,
  }),
  get('json-lines', 'the rows', '/rows'),
  { sample: 'json-lines', name: 'POST the rows', method: 'POST', url: '/rows' },
  get('json-lines', 'the rows with a query', '/rows?x=1'),
  get('stream', 'the countdown', '/countdown'),
  get('stream', 'the countdown twice slashed', '/countdown/'),
  get('sse', 'the prices', '/prices'),
  get('sse', 'the prices with Last-Event-ID', '/prices', { 'last-event-id': '2' }),
]
