// Runs the samples of client.md against the apps they call, over real sockets. The samples of
// testing.md are vitest tests themselves (samples/testing/*.test.ts) and run on their own.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { app } from './samples/client/app.js'
import { describeItem } from './samples/client/call.js'
import { addItem } from './samples/client/create.js'
import { report } from './samples/client/errors.js'
import { itemName } from './samples/client/large-app.js'
import { mistakes } from './samples/client/mistakes.js'
import { addPet, petName } from './samples/client/openapi.js'

describe('client: a typefast app', () => {
  let url: string
  beforeAll(async () => {
    ;({ url } = await app.listen({ port: 0 }))
  })
  afterAll(() => app.close())

  test('call.ts: each status narrowed to its own data', async () => {
    expect(await describeItem(url, 1)).toBe('Hammer costs 9.5')
    expect(await describeItem(url, 99)).toBe('No item 99')
    expect(await describeItem(url, Number.NaN)).toBe(
      'Invalid: Input should be a valid integer, unable to parse string as an integer',
    )
  })

  test('create.ts: the required header and the body; other statuses are results', async () => {
    expect(await addItem(url, 'Nail', 0.1)).toEqual({ id: 2, name: 'Nail', price: 0.1 })
    expect(await describeItem(url, 2)).toBe('Nail costs 0.1')
    await expect(addItem(url, 'Free lunch', 0)).rejects.toThrow(/^Could not add Free lunch: 422 /)
  })

  test('large-app.ts: the client typed by an interface calls the same app', async () => {
    expect(await itemName(url, 1)).toBe('Hammer')
    expect(await itemName(url, 99)).toBeUndefined()
  })

  test('mistakes.ts: the compile errors are a type check, nothing runs', () => {
    expect(typeof mistakes).toBe('function')
  })

  test('errors.ts: a timeout, an abort and a refused connection throw; statuses do not', async () => {
    expect(await report(url, { delayMs: 0 })).toBe('total: {"total":2}')
    expect(await report(url, { delayMs: 2_000 })).toBe('timed out')
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 50)
    expect(await report(url, { delayMs: 2_000, signal: controller.signal })).toBe('aborted')
    const closed = createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const { port } = closed.address() as AddressInfo
    await new Promise((resolve) => closed.close(resolve))
    expect(await report(`http://127.0.0.1:${port}`, { delayMs: 0 })).toBe('the service is down')
  })
})

describe('client: a service that is not typefast, typed by openapi-typescript', () => {
  // A plain node:http service answering as samples/client/pets-api.json says.
  const pets = new Map([[1, { id: 1, name: 'Rex', tag: 'dog' }]])
  let server: Server
  let url: string

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = ''
      req.on('data', (chunk: Buffer) => (body += chunk))
      req.on('end', () => {
        const send = (status: number, data: unknown) =>
          res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(data))
        const match = /^\/pets\/(\d+)$/.exec(req.url ?? '')
        if (req.method === 'GET' && match) {
          const pet = pets.get(Number(match[1]))
          return pet ? send(200, pet) : send(404, { code: 404, message: 'Pet not found' })
        }
        if (req.method === 'POST' && req.url === '/pets') {
          if (req.headers['x-api-key'] !== 'secret') return send(401, { code: 401, message: 'No key' })
          const { name } = JSON.parse(body) as { name: string }
          if ([...pets.values()].some((pet) => pet.name === name))
            return send(409, { code: 409, message: `${name} exists` })
          const pet = { id: pets.size + 1, name }
          pets.set(pet.id, { ...pet, tag: '' })
          return send(201, pet)
        }
        send(500, { code: 500, message: 'No such route' })
      })
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise((resolve) => server.close(resolve)))

  test('openapi.ts: the 200 schema, then `default` for every other status', async () => {
    expect(await petName(url, 1)).toBe('Rex')
    expect(await petName(url, 7)).toBe('error 404: Pet not found')
  })

  test('openapi.ts: the required header, the body, and the 4XX range', async () => {
    expect(await addPet(url, 'Tom')).toBe(2)
    expect(await petName(url, 2)).toBe('Tom')
    await expect(addPet(url, 'Tom')).rejects.toThrow('Tom exists')
  })
})
