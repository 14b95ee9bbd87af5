import { connect } from 'node:net'
import { post } from '@typefast/router'
import { t } from '@typefast/validation'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type App, createApp } from '../app/app.js'
import { quietLogger } from '../test-support.js'
import { uploadFile } from './upload-file.js'

// Each form limit at, below and above its bound, with the body sent in one chunk and in many
// small ones: the answer is the same either way, and a field is never dropped silently.

const limits = { fields: 5, fieldSize: 100, files: 3, fileSize: 2000 }
let app: App<any>
let port: number

beforeAll(async () => {
  app = createApp({ logger: quietLogger(), formLimits: limits }).add(
    post('/fields', { form: t.Object({ a: t.Array(t.String()) }) }, ({ form }) => ({
      count: form.a.length,
      longest: Math.max(...form.a.map((v) => v.length)),
    })),
    post('/files', { form: t.Object({ f: t.Array(uploadFile()) }) }, ({ form }) => ({
      sizes: form.f.map((file) => file.size),
    })),
  )
  port = (await app.listen({ port: 0 })).port
})
afterAll(() => app.close())

/** POST `body` as `contentType`, in one write or in `pieces` writes; the status and the JSON answered. */
function send(path: string, contentType: string, body: Buffer, pieces: number): Promise<{ status: number; json: any }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    let data = ''
    const head = `POST ${path} HTTP/1.1\r\nhost: x\r\nconnection: close\r\ncontent-type: ${contentType}\r\ncontent-length: ${body.length}\r\n\r\n`
    socket.on('connect', async () => {
      if (pieces === 1) {
        socket.write(Buffer.concat([Buffer.from(head), body]))
        return
      }
      socket.write(head)
      const size = Math.ceil(body.length / pieces)
      for (let at = 0; at < body.length && !socket.destroyed; at += size) {
        await new Promise((r) => setTimeout(r, 2))
        socket.write(body.subarray(at, at + size))
      }
    })
    socket.setEncoding('utf8')
    socket.on('data', (chunk: string) => {
      data += chunk
    })
    socket.on('error', reject)
    socket.on('close', () => {
      const status = Number(data.slice(9, 12))
      resolve({ status, json: JSON.parse(data.slice(data.indexOf('\r\n\r\n') + 4)) })
    })
  })
}

const urlencoded = (count: number, size = 1) =>
  Buffer.from(Array.from({ length: count }, () => `a=${'v'.repeat(size)}`).join('&'))

function multipart(sizes: number[]): Buffer {
  const parts = sizes.map(
    (size, i) =>
      `--b\r\ncontent-disposition: form-data; name="f"; filename="f${i}.txt"\r\ncontent-type: text/plain\r\n\r\n${'x'.repeat(size)}\r\n`,
  )
  return Buffer.from(`${parts.join('')}--b--\r\n`)
}

describe.each([1, 12])('form limits, body in %i chunk(s)', (pieces) => {
  const form = 'application/x-www-form-urlencoded'
  test.each([4, 5])('%i fields (limit 5): all received', async (count) => {
    expect(await send('/fields', form, urlencoded(count), pieces)).toEqual({ status: 200, json: { count, longest: 1 } })
  })

  test.each([6, 50])('%i fields (limit 5): 400, none dropped silently', async (count) => {
    expect(await send('/fields', form, urlencoded(count), pieces)).toEqual({
      status: 400,
      json: { detail: 'Too many fields. Maximum number of fields is 5.' },
    })
  })

  test('a field of 100 bytes (limit 100): received; of 101: 400', async () => {
    expect(await send('/fields', form, urlencoded(2, 100), pieces)).toEqual({
      status: 200,
      json: { count: 2, longest: 100 },
    })
    const over = await send('/fields', form, urlencoded(2, 101), pieces)
    expect(over).toEqual({ status: 400, json: { detail: "Field 'a' exceeds the limit of 100 bytes" } })
  })

  const parts = 'multipart/form-data; boundary=b'
  test('3 files (limit 3): received; 4: 400', async () => {
    expect(await send('/files', parts, multipart([1, 2, 3]), pieces)).toEqual({
      status: 200,
      json: { sizes: [1, 2, 3] },
    })
    expect(await send('/files', parts, multipart([1, 2, 3, 4]), pieces)).toEqual({
      status: 400,
      json: { detail: 'Too many files. Maximum number of files is 3.' },
    })
  })

  test('a file of 2000 bytes (limit 2000): received; of 2001: 413', async () => {
    expect(await send('/files', parts, multipart([2000]), pieces)).toEqual({ status: 200, json: { sizes: [2000] } })
    expect(await send('/files', parts, multipart([2001]), pieces)).toEqual({
      status: 413,
      json: { detail: "File 'f' exceeds the limit of 2000 bytes" },
    })
  })
})
