import { existsSync, mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { post } from '@typefast/router'
import { t } from '@typefast/validation'
import { FormData, request } from 'undici'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type App, createApp } from '../app/app.js'
import { type UploadFile, uploadFile } from './upload-file.js'

const tempDir = mkdtempSync(join(tmpdir(), 'typefast-form-'))
const quiet = { error: () => {}, warn: () => {}, info: () => {} }
let seenPaths: (string | undefined)[] = []

const app = createApp({
  logger: quiet,
  formLimits: { fileSize: 2000, files: 3, fields: 5, fieldSize: 100, spillThreshold: 500, tempDir },
}).add(
  post(
    '/login',
    {
      form: t.Object({
        username: t.String({ minLength: 1 }),
        remember: t.Boolean({ default: false }),
        age: t.Optional(t.Integer()),
      }),
    },
    ({ form }) => form,
  ),
  post(
    '/upload',
    {
      form: t.Object({
        title: t.String(),
        file: uploadFile(),
        attachments: t.Optional(t.Array(uploadFile())),
        meta: t.Object({ tags: t.Array(t.String()), draft: t.Boolean() }),
      }),
    },
    async ({ form }) => {
      const file: UploadFile = form.file
      seenPaths = [file.path, ...(form.attachments ?? []).map((a) => a.path)]
      return {
        title: form.title,
        filename: file.filename,
        contentType: file.contentType,
        size: file.size,
        text: (await file.text()).slice(0, 20),
        streamed: (await streamLength(file)) === file.size,
        attachments: (form.attachments ?? []).map((a) => a.filename),
        meta: form.meta,
      }
    },
  ),
  post(
    '/gallery',
    // FastAPI's `photos: list[UploadFile] | None = None`
    { form: t.Object({ photos: t.Optional(t.Union([t.Array(uploadFile()), t.Null()])) }) },
    ({ form }) => ({ photos: form.photos === undefined ? 'none' : (form.photos ?? []).map((photo) => photo.filename) }),
  ),
)

async function streamLength(file: UploadFile): Promise<number> {
  let length = 0
  for await (const chunk of file.stream()) length += (chunk as Buffer).length
  return length
}

let url: string
let running: App<any>
beforeAll(async () => {
  running = app
  url = (await app.listen({ port: 0 })).url
})
afterAll(() => running.close())

function uploadForm(content = 'hello upload', extra?: (form: FormData) => void) {
  const form = new FormData()
  form.append('title', 'Report')
  form.append('file', new Blob([content], { type: 'text/plain' }), 'report.txt')
  form.append('meta', JSON.stringify({ tags: ['a', 'b'], draft: true }))
  extra?.(form)
  return form
}

async function post_(path: string, body: FormData | string, headers: Record<string, string> = {}) {
  const response = await request(`${url}${path}`, { method: 'POST', body, headers })
  return { status: response.statusCode, json: (await response.body.json()) as any }
}

describe('urlencoded forms', () => {
  test('fields are coerced by the schema, defaults filled in', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'username=ada&age=36',
    })
    expect(response.status).toBe(200)
    expect(response.json()).toEqual({ username: 'ada', remember: false, age: 36 })
  })

  test('missing and invalid fields answer 422 with loc ["body", field]', async () => {
    const { status, json } = await post_('/login', 'age=old', { 'content-type': 'application/x-www-form-urlencoded' })
    expect(status).toBe(422)
    expect(json.detail).toEqual([
      { type: 'missing', loc: ['body', 'username'], msg: 'Field required', input: null },
      expect.objectContaining({ type: 'int_parsing', loc: ['body', 'age'], input: 'old' }),
    ])
  })

  test('a JSON body on a form route answers 415', async () => {
    const response = await app.inject({ method: 'POST', url: '/login', json: { username: 'ada' } })
    expect(response.status).toBe(415)
  })
})

describe('multipart forms', () => {
  test('files and fields together, with a JSON-typed field', async () => {
    const { status, json } = await post_('/upload', uploadForm())
    expect(status).toBe(200)
    expect(json).toEqual({
      title: 'Report',
      filename: 'report.txt',
      contentType: 'text/plain',
      size: 12,
      text: 'hello upload',
      streamed: true,
      attachments: [],
      meta: { tags: ['a', 'b'], draft: true },
    })
  })

  test('several files under one name arrive as an array', async () => {
    const form = uploadForm('x', (f) => {
      f.append('attachments', new Blob(['1']), 'one.bin')
      f.append('attachments', new Blob(['2']), 'two.bin')
    })
    expect((await post_('/upload', form)).json.attachments).toEqual(['one.bin', 'two.bin'])
  })

  test('a large file spills to a temp file that is removed after the response', async () => {
    const big = 'z'.repeat(1500)
    const { status, json } = await post_('/upload', uploadForm(big))
    expect(status).toBe(200)
    expect(json.size).toBe(1500)
    expect(json.streamed).toBe(true)
    expect(seenPaths[0]).toMatch(/typefast-upload-/)
    for (let i = 0; i < 50 && existsSync(seenPaths[0]!); i++) await new Promise((r) => setTimeout(r, 10))
    expect(existsSync(seenPaths[0]!)).toBe(false)
    expect(readdirSync(tempDir)).toEqual([])
  })

  test('a missing file, text for a file and bad JSON answer 422 in one list', async () => {
    const form = new FormData()
    form.append('title', 'x')
    form.append('attachments', 'not a file')
    form.append('meta', '{"tags": [1]')
    const { status, json } = await post_('/upload', form)
    expect(status).toBe(422)
    expect(json.detail.map((e: { loc: unknown[]; type: string }) => [e.type, e.loc])).toEqual([
      ['missing', ['body', 'file']],
      ['value_error', ['body', 'attachments', 0]],
      ['json_invalid', ['body', 'meta']],
    ])
  })

  test('a JSON field failing its schema reports the path inside the field', async () => {
    const form = new FormData()
    form.append('title', 'x')
    form.append('file', new Blob(['a']), 'a.txt')
    form.append('meta', JSON.stringify({ tags: 'nope', draft: true }))
    const { status, json } = await post_('/upload', form)
    expect(status).toBe(422)
    expect(json.detail[0].loc).toEqual(['body', 'meta', 'tags'])
  })

  test('limits: file size 413, file count and field count 400, field size 400; nothing left on disk', async () => {
    expect((await post_('/upload', uploadForm('y'.repeat(2500)))).status).toBe(413)
    const tooMany = uploadForm('x', (f) => {
      for (let i = 0; i < 3; i++) f.append('attachments', new Blob(['1']), `${i}.bin`)
    })
    const files = await post_('/upload', tooMany)
    expect(files.status).toBe(400)
    expect(files.json.detail).toBe('Too many files. Maximum number of files is 3.')
    const fields = new FormData()
    for (let i = 0; i < 6; i++) fields.append(`f${i}`, 'v')
    expect((await post_('/upload', fields)).json.detail).toBe('Too many fields. Maximum number of fields is 5.')
    const long = await post_('/login', `username=${'a'.repeat(200)}`, {
      'content-type': 'application/x-www-form-urlencoded',
    })
    expect(long.status).toBe(400)
    await new Promise((r) => setTimeout(r, 50))
    expect(readdirSync(tempDir)).toEqual([])
  })

  test('a malformed multipart body answers 400 and the connection keeps serving', async () => {
    const broken = await post_('/upload', '--nope\r\ngarbage', { 'content-type': 'multipart/form-data; boundary=xyz' })
    expect(broken.status).toBe(400)
    expect((await post_('/upload', uploadForm())).status).toBe(200)
  })
})

describe('forms in the OpenAPI document', () => {
  test('a nullable list of files takes files, and may be left out', async () => {
    const form = new FormData()
    form.append('photos', new Blob(['1']), 'one.png')
    form.append('photos', new Blob(['2']), 'two.png')
    expect((await post_('/gallery', form)).json).toEqual({ photos: ['one.png', 'two.png'] })
    const empty = new FormData()
    empty.append('other', 'x')
    expect((await post_('/gallery', empty)).json).toEqual({ photos: 'none' })
  })

  test('multipart with binary file fields, urlencoded without files; the document stays valid', async () => {
    const { validate } = await import('@readme/openapi-parser')
    const document = app.openapi() as any
    const upload = document.paths['/upload'].post
    expect(Object.keys(upload.requestBody.content)).toEqual(['multipart/form-data'])
    // An object form without $id is FastAPI's Body_<operation id> component; files are binary
    // strings as FastAPI 0.142 writes them for OpenAPI 3.1.
    const ref = upload.requestBody.content['multipart/form-data'].schema.$ref as string
    const schema = document.components.schemas[ref.replace('#/components/schemas/', '')]
    const file = { type: 'string', contentMediaType: 'application/octet-stream' }
    expect(schema.properties.file).toMatchObject(file)
    expect(schema.properties.attachments).toMatchObject({ type: 'array', items: file })
    // A JSON-typed field is a string holding JSON, as pydantic documents Json[Model].
    expect(schema.properties.meta).toMatchObject({
      type: 'string',
      contentMediaType: 'application/json',
      title: 'Meta',
    })
    expect(schema.properties.meta.contentSchema).toMatchObject({ type: 'object', required: ['tags', 'draft'] })
    const galleryRef = document.paths['/gallery'].post.requestBody.content['multipart/form-data'].schema.$ref as string
    const gallery = document.components.schemas[galleryRef.replace('#/components/schemas/', '')]
    expect(gallery.properties.photos).toEqual({
      anyOf: [{ type: 'array', items: file }, { type: 'null' }],
      title: 'Photos',
    })
    expect(upload.requestBody.required).toBe(true)
    expect(upload.responses['422']).toBeDefined()
    const login = document.paths['/login'].post
    expect(Object.keys(login.requestBody.content)).toEqual(['application/x-www-form-urlencoded'])
    const result = await validate(structuredClone(document))
    expect(result.valid).toBe(true)
  })
})
