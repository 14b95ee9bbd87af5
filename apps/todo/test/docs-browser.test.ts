import { existsSync, mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { type Browser, chromium, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { TodoApp } from '../src/app.js'
import { call, startTodo, tempDb } from './helpers.js'

// Debian's chromium package, driven by playwright-core: no browser is ever downloaded. `.ci/run`
// installs it; elsewhere: apt-get install chromium.
const CHROMIUM = '/usr/bin/chromium'
const SCREENSHOT = fileURLToPath(new URL('../../../test-output/docs.png', import.meta.url))

const OPERATIONS = [
  ['POST', '/tasks', 'Create Task'],
  ['GET', '/tasks', 'List Tasks'],
  ['GET', '/tasks/{task_id}', 'Read Task'],
  ['PUT', '/tasks/{task_id}', 'Replace Task'],
  ['PATCH', '/tasks/{task_id}', 'Update Task'],
  ['DELETE', '/tasks/{task_id}', 'Delete Task'],
  ['POST', '/users', 'Sign Up'],
  ['POST', '/token', 'Login'],
  ['GET', '/users/me', 'Read Users Me'],
] as const

let db: ReturnType<typeof tempDb>
let app: TodoApp
let url: string
let origin: string
let browser: Browser
/** Every request a page made, and those that failed or went anywhere but the app. */
const requests: string[] = []
const failed: string[] = []
const foreign: string[] = []
const pageErrors: string[] = []

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `The docs browser test needs Debian's chromium at ${CHROMIUM} (apt-get install chromium; .ci/run installs it).`,
    )
  }
  db = tempDb()
  ;({ app, url } = await startTodo(db.path))
  origin = new URL(url).origin
  expect(new URL(url).hostname).toBe('127.0.0.1')
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
})

afterAll(async () => {
  await browser?.close()
  await app?.close()
  db?.remove()
})

/** A page that may talk to the app only: any other request is recorded and aborted, never sent. */
async function openPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } })
  const page = await context.newPage()
  await page.route('**/*', (route) => {
    const requested = route.request().url()
    if (new URL(requested).origin === origin) return route.continue()
    foreign.push(requested)
    return route.abort('blockedbyclient')
  })
  page.on('request', (request) => {
    requests.push(request.url())
    const { protocol, origin: from } = new URL(request.url())
    if (protocol !== 'data:' && protocol !== 'blob:' && from !== origin && !foreign.includes(request.url()))
      foreign.push(request.url())
  })
  page.on('requestfailed', (request) => failed.push(`${request.url()}: ${request.failure()?.errorText}`))
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.url()}: ${response.status()}`)
  })
  page.on('pageerror', (error) => pageErrors.push(error.message))
  return page
}

// Usually 5 to 10 s in all; the limit leaves room for a loaded machine.
describe('the docs pages of the running todo app, in headless Chromium', { timeout: 60_000 }, () => {
  test('/docs lists every operation; Authorize logs in, then Try it out runs POST and GET /tasks against the live server', async () => {
    await call(url, 'POST', '/tasks', { title: 'Seeded task' })
    const page = await openPage()
    await page.goto(`${url}/docs`)
    await page.locator('.opblock').first().waitFor({ timeout: 10_000 })

    expect(await page.locator('.info .title').textContent()).toContain('Todo API')
    const listed = await page
      .locator('.opblock')
      .evaluateAll((blocks) =>
        blocks.map((block) => [
          block.querySelector('.opblock-summary-method')?.textContent?.trim(),
          block.querySelector('.opblock-summary-path')?.getAttribute('data-path'),
          block.querySelector('.opblock-summary-description')?.textContent?.trim(),
        ]),
      )
    expect(listed).toEqual(OPERATIONS.map((op) => [...op]))

    // Authorize: the OAuth2 password flow posts the form to /token; Swagger UI then sends the
    // bearer token with every call. Both scopes are offered; none ticked means all of the user's.
    await page.locator('.auth-wrapper .btn.authorize').click()
    const dialog = page.locator('.modal-ux')
    await dialog.waitFor({ timeout: 10_000 })
    expect(await dialog.textContent()).toContain('tasks:write')
    await dialog.locator('#oauth_username').fill('tester')
    await dialog.locator('#oauth_password').fill('correct horse battery staple')
    const tokenResponse = page.waitForResponse((response) => response.url() === `${origin}/token`)
    await dialog.locator('.auth-btn-wrapper .btn.authorize').click()
    expect((await tokenResponse).status()).toBe(200)
    await dialog.locator('h6', { hasText: 'Authorized' }).waitFor({ timeout: 10_000 })
    await dialog.locator('.btn-done').click()

    // POST /tasks: Swagger UI fills the body from the TaskIn schema ({"title": "string", ...}).
    const create = page.locator('#operations-tasks-create_task_tasks_post')
    await create.locator('.opblock-summary').click()
    await create.getByRole('button', { name: 'Try it out' }).click()
    await create.locator('textarea.body-param__text').fill(JSON.stringify({ title: 'From Swagger UI' }))
    await create.getByRole('button', { name: 'Execute' }).click()
    const created = create.locator('.live-responses-table .response')
    await created.waitFor({ timeout: 10_000 })
    expect((await created.locator('.response-col_status').textContent())?.trim()).toBe('201')
    const createdBody = JSON.parse((await created.locator('.response-col_description pre').first().textContent()) ?? '')
    expect(createdBody).toEqual({ id: 2, title: 'From Swagger UI', completed: false })

    // GET /tasks: no input to fill (skip and limit have defaults); the page shows the live list.
    const list = page.locator('#operations-tasks-list_tasks_tasks_get')
    await list.locator('.opblock-summary').click()
    await list.getByRole('button', { name: 'Try it out' }).click()
    await list.getByRole('button', { name: 'Execute' }).click()
    const listedTasks = list.locator('.live-responses-table .response')
    await listedTasks.waitFor({ timeout: 10_000 })
    expect((await listedTasks.locator('.response-col_status').textContent())?.trim()).toBe('200')
    expect(
      JSON.parse((await listedTasks.locator('.response-col_description pre').first().textContent()) ?? ''),
    ).toEqual([
      { id: 1, title: 'Seeded task', completed: false },
      { id: 2, title: 'From Swagger UI', completed: false },
    ])
    // The request really reached the server: the task is in the database.
    expect((await call(url, 'GET', '/tasks/2')).json).toEqual(createdBody)

    mkdirSync(fileURLToPath(new URL('.', `file://${SCREENSHOT}`)), { recursive: true })
    await page.screenshot({ path: SCREENSHOT, fullPage: true })
    expect(existsSync(SCREENSHOT)).toBe(true)
    await page.context().close()

    expect(requests).toContain(`${origin}/openapi.json`)
    expect(requests).toContain(`${origin}/docs-assets/swagger-ui-bundle.js`)
  })

  test('/redoc lists every operation', async () => {
    const page = await openPage()
    await page.goto(`${url}/redoc`)
    const menu = page.locator('[role="menuitem"]', { hasText: 'Delete Task' }).first()
    await menu.waitFor({ timeout: 15_000 })
    const text = ((await page.locator('body').textContent()) ?? '').replace(/\s+/g, ' ')
    expect(text).toContain('Todo API')
    for (const [method, path, summary] of OPERATIONS) {
      expect(text, summary).toContain(summary)
      expect(text, `${method} ${path}`).toMatch(
        new RegExp(`${method.toLowerCase()}\\s*${path.replace(/[{}]/g, '\\$&')}`, 'i'),
      )
    }
    await page.context().close()
    expect(requests).toContain(`${origin}/docs-assets/redoc.standalone.js`)
  })

  test('every request stayed on the app at 127.0.0.1 and none failed; no script error', () => {
    expect(foreign).toEqual([])
    expect(failed).toEqual([])
    expect(pageErrors).toEqual([])
  })
})
