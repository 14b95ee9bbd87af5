// Requests for docs/forms-and-files.md: an urlencoded login form, and a multipart upload with
// files, plain fields and a JSON-typed field.
import { BOUNDARY, fieldVariants, multipart, urlencode } from '../generate-extra.mjs'

const urlencoded = { 'content-type': 'application/x-www-form-urlencoded' }
const login = [
  ['username and password', 'username=ada&password=x'],
  ['remember true', 'username=ada&password=x&remember=true'],
  ['remember on', 'username=ada&password=x&remember=on'],
  ['remember 1', 'username=ada&password=x&remember=1'],
  ['remember yes', 'username=ada&password=x&remember=yes'],
  ['remember off', 'username=ada&password=x&remember=off'],
  ['remember False', 'username=ada&password=x&remember=False'],
  ['remember not a boolean', 'username=ada&password=x&remember=maybe'],
  ['remember empty', 'username=ada&password=x&remember='],
  ['an empty username', 'username=&password=x'],
  ['an empty password', 'username=ada&password='],
  ['no username', 'password=x'],
  ['no password', 'username=ada'],
  ['nothing', ''],
  ['a repeated username: the last wins', 'username=a&username=b&password=x'],
  ['a unicode username', 'username=%C3%A9t%C3%A9&password=x'],
  ['a plus for a space', 'username=a+b&password=x'],
  ['an invalid percent escape', 'username=%ZZ&password=x'],
  ['a field with no equals sign', 'username&password=x'],
  ['unknown fields ignored', 'username=ada&password=x&other=1'],
].map(([name, body]) => ({ sample: 'login', name, method: 'POST', url: '/login', headers: urlencoded, body }))

const loginContentTypes = [
  ['JSON instead of a form', { 'content-type': 'application/json' }, '{"username":"ada","password":"x"}'],
  ['no content type', {}, 'username=ada&password=x'],
  ['text/plain', { 'content-type': 'text/plain' }, 'username=ada&password=x'],
  [
    'the form as multipart',
    multipart([
      { name: 'username', value: 'ada' },
      { name: 'password', value: 'x' },
    ]).headers,
    multipart([
      { name: 'username', value: 'ada' },
      { name: 'password', value: 'x' },
    ]).body,
  ],
  ['no body', urlencoded, undefined],
].map(([name, headers, body]) => ({ sample: 'login', name, method: 'POST', url: '/login', headers, body }))

const file = (name, filename, value, type = 'text/plain') => ({ name, filename, type, value })
const metadata = (value) => ({ name: 'metadata', value })
const title = (value) => ({ name: 'title', value })
const good = [
  title('Report'),
  file('document', 'report.txt', 'line 1\nline 2\nline 3'),
  metadata('{"tags":["a","b"],"public":true}'),
]
const upload = [
  ['a document', good],
  [
    'a document and two attachments',
    [...good, file('attachments', 'a.png', 'PNG', 'image/png'), file('attachments', 'b.pdf', 'PDF', 'application/pdf')],
  ],
  ['an empty document', [title('Report'), file('document', 'empty.txt', ''), metadata('{"tags":[],"public":false}')]],
  [
    'a document without a content type',
    [title('Report'), { name: 'document', filename: 'x.bin', value: 'abc' }, metadata('{"tags":[],"public":true}')],
  ],
  [
    'a unicode file name and title',
    [
      title('R\u00e9sum\u00e9'),
      file('document', 'r\u00e9sum\u00e9.txt', '\u00e9t\u00e9'),
      metadata('{"tags":["\u00e9"],"public":true}'),
    ],
  ],
  ['no title', good.slice(1)],
  ['an empty title', [title(''), ...good.slice(1)]],
  ['no document', [good[0], good[2]]],
  ['the document as a plain field', [title('Report'), { name: 'document', value: 'not a file' }, good[2]]],
  ['no metadata', good.slice(0, 2)],
  ['metadata not JSON', [...good.slice(0, 2), metadata('not json')]],
  ['metadata missing a field', [...good.slice(0, 2), metadata('{"tags":["a"]}')]],
  ['metadata with a wrong type', [...good.slice(0, 2), metadata('{"tags":"a","public":"maybe"}')]],
  ['metadata null', [...good.slice(0, 2), metadata('null')]],
  ['metadata empty', [...good.slice(0, 2), metadata('')]],
  ['metadata with lax values', [...good.slice(0, 2), metadata('{"tags":["a"],"public":"true"}')]],
  ['an attachment as a plain field', [...good, { name: 'attachments', value: 'not a file' }]],
  ['nothing at all', []],
  ['everything missing but an unknown field', [{ name: 'other', value: '1' }]],
  ['a repeated title: the last wins', [title('first'), ...good]],
  ['a file with CRLF lines', [title('Report'), file('document', 'crlf.txt', 'a\r\nb\r\n'), good[2]]],
].map(([name, parts]) => {
  const { headers, body } = multipart(parts)
  return { sample: 'upload', name, method: 'POST', url: '/documents', headers, body }
})

const uploadMalformed = [
  ['a multipart body without a boundary', { 'content-type': 'multipart/form-data' }, multipart(good).body],
  [
    'a multipart body with another boundary',
    { 'content-type': 'multipart/form-data; boundary=other' },
    multipart(good).body,
  ],
  ['a multipart body cut short', multipart(good).headers, multipart(good).body.subarray(0, 80)],
  ['an empty multipart body', multipart([]).headers, ''],
  ['garbage as multipart', multipart([]).headers, 'this is not multipart at all'],
  [
    'a part without a name',
    multipart([]).headers,
    `--${BOUNDARY}\r\nContent-Disposition: form-data\r\n\r\nx\r\n--${BOUNDARY}--\r\n`,
  ],
  ['JSON instead of multipart', { 'content-type': 'application/json' }, '{"title":"Report"}'],
  ['an urlencoded form instead of multipart', urlencoded, 'title=Report'],
  ['no content type', {}, multipart(good).body],
].map(([name, headers, body]) => ({ sample: 'upload', name, method: 'POST', url: '/documents', headers, body }))

// Generated: each field of both forms varied one at a time, then two at once (seeded).
const generated = [
  ...fieldVariants({
    fields: { username: 'ada', password: 'x', remember: 'true' },
    seed: 9,
    build: (pairs) => ({ url: '/login', headers: urlencoded, body: urlencode(pairs) }),
  }).map((c) => ({ ...c, sample: 'login', name: `generated: ${c.name}`, method: 'POST' })),
  ...fieldVariants({
    fields: { title: 'Report', metadata: '{"tags":["a"],"public":true}' },
    seed: 10,
    build: (pairs) =>
      multipart([...pairs.map(([name, value]) => ({ name, value })), file('document', 'r.txt', 'a\nb')]),
  }).map((c) => ({ ...c, sample: 'upload', name: `generated: ${c.name}`, method: 'POST', url: '/documents' })),
]

export default [
  ...login,
  ...loginContentTypes,
  ...upload,
  ...uploadMalformed,
  { sample: 'login', name: 'GET is not allowed', method: 'GET', url: '/login' },
  { sample: 'upload', name: 'GET is not allowed', method: 'GET', url: '/documents' },
  ...generated,
]
