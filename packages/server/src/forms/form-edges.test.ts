import { post } from '@typefast/router'
import { t } from '@typefast/validation'
import { describe, expect, test } from 'vitest'
import { createApp } from '../app/app.js'
import { uploadFile } from './upload-file.js'

// Forms as FastAPI 0.142.2 reads them: each expected body is its answer to the twin app
// (`username: str = Form()`, `password: str = Form()`; `file: UploadFile`, `note: str = Form()`).

const app = createApp().add(
  post('/login', { form: t.Object({ username: t.String(), password: t.String() }) }, ({ form }) => ({
    username: form.username,
  })),
  post('/upload', { form: t.Object({ file: uploadFile(), note: t.String() }) }, ({ form }) => ({
    name: form.file.filename,
    note: form.note,
  })),
  post(
    '/documents',
    {
      form: t.Object({
        metadata: t.Object({ public: t.Boolean() }, { $id: 'Metadata' }),
        attachments: t.Optional(t.Array(uploadFile())),
      }),
    },
    ({ form }) => ({ public: form.metadata.public }),
  ),
)

const urlencoded = { 'content-type': 'application/x-www-form-urlencoded' }
const multipart = { 'content-type': 'multipart/form-data; boundary=xyz' }
const part = (name: string, value: string, filename?: string) =>
  `--xyz\r\nContent-Disposition: form-data; name="${name}"${filename === undefined ? '' : `; filename="${filename}"`}\r\n\r\n${value}\r\n`
const missing = (...names: string[]) =>
  `{"detail":[${names.map((name) => `{"type":"missing","loc":["body","${name}"],"msg":"Field required","input":null}`).join(',')}]}`
const send = (url: string, body: string, headers: Record<string, string>) =>
  app.inject({ method: 'POST', url, headers, body })

describe('forms', () => {
  test('an empty field counts as missing, urlencoded or multipart', async () => {
    expect((await send('/login', 'username=&password=p', urlencoded)).body).toBe(missing('username'))
    const body = `${part('username', '')}${part('password', 'p')}--xyz--\r\n`
    expect((await send('/login', body, multipart)).body).toBe(missing('username'))
  })

  test('errors come in the order the fields are declared', async () => {
    const response = await send('/upload', `${part('note', '')}--xyz--\r\n`, multipart)
    expect(response.body).toBe(missing('file', 'note'))
  })

  test('a file field left empty by a browser is a file named ""', async () => {
    const response = await send('/upload', `${part('file', '', '')}${part('note', 'n')}--xyz--\r\n`, multipart)
    expect(response.status).toBe(200)
    expect(response.body).toBe('{"name":"","note":"n"}')
  })

  test('a body without a content type is an empty form', async () => {
    for (const body of ['', 'username=u&password=p']) {
      const response = await send('/login', body, {})
      expect(response.status).toBe(422)
      expect(response.body).toBe(missing('username', 'password'))
    }
  })

  test("a malformed multipart body answers 400 with Starlette's message", async () => {
    const garbage = await send('/login', 'garbage', multipart)
    expect(garbage.status).toBe(400)
    expect(garbage.body).toBe('{"detail":"Invalid multipart data."}')
    const noBoundary = await send('/login', 'garbage', { 'content-type': 'multipart/form-data' })
    expect(noBoundary.status).toBe(400)
    expect(noBoundary.body).toBe('{"detail":"Missing boundary in multipart."}')
  })

  test('a body cut short keeps the parts that were complete, as Starlette reads it', async () => {
    const full = `${part('username', 'ada')}${part('password', 'p')}--xyz--\r\n`
    const cut = await send('/login', full.slice(0, full.indexOf('name="password"') + 10), multipart)
    expect(cut.status).toBe(422)
    expect(cut.body).toBe(missing('password'))
    expect((await send('/login', '', multipart)).body).toBe(missing('username', 'password'))
  })

  test('a part without a name answers 400', async () => {
    const response = await send('/login', '--xyz\r\nContent-Disposition: form-data\r\n\r\nx\r\n--xyz--\r\n', multipart)
    expect(response.status).toBe(400)
    expect(response.body).toBe('{"detail":"The Content-Disposition header field \\"name\\" must be provided."}')
  })

  test("a JSON field's errors are pydantic's Json[Model] errors", async () => {
    const error = async (metadata: string) =>
      JSON.parse((await send('/documents', `${part('metadata', metadata)}--xyz--\r\n`, multipart)).body).detail[0]
    expect(await error('not json')).toEqual({
      type: 'json_invalid',
      loc: ['body', 'metadata'],
      msg: 'Invalid JSON: expected ident at line 1 column 2',
      input: 'not json',
      ctx: { error: 'expected ident at line 1 column 2' },
    })
    expect(await error('[1]')).toEqual({
      type: 'model_type',
      loc: ['body', 'metadata'],
      msg: 'Input should be a valid dictionary or instance of Metadata',
      input: [1],
      ctx: { class_name: 'Metadata' },
    })
  })

  test("a JSON field's integers beyond 2^53 are shown as sent", async () => {
    const response = await send('/documents', `${part('metadata', '9007199254740993')}--xyz--\r\n`, multipart)
    expect(JSON.parse(response.body.replace(/9007199254740993/, '"$&"')).detail[0].input).toBe('9007199254740993')
  })

  test('text where a list of files is expected is reported by its index', async () => {
    const body = `${part('metadata', '{"public":true}')}${part('attachments', 'a')}${part('attachments', 'b')}--xyz--\r\n`
    const detail = JSON.parse((await send('/documents', body, multipart)).body).detail
    expect(detail.map((item: { loc: unknown[] }) => item.loc)).toEqual([
      ['body', 'attachments', 0],
      ['body', 'attachments', 1],
    ])
  })

  test('JSON or text sent to a form route answers 415 (FastAPI: 422, every field missing)', async () => {
    for (const type of ['application/json', 'text/plain']) {
      const response = await send('/login', '{"username":"u","password":"p"}', { 'content-type': type })
      expect(response.status, type).toBe(415)
    }
  })
})
