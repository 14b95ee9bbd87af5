#!/usr/bin/env node
// Editor latency in a generated app (1,000 routes by default): the time of completions after
// `client.get('` and of quick info on `r.data`, through TypeScript 5.9's tsserver and TypeScript
// 7's language server (`tsc --lsp --stdio`). Loading the project (opening the file, then quick
// info on `client`, which infers the app's type) is timed apart from the completions and quick
// info that follow it; the second completions are an editor's next keystroke.
// The client is typed by `interface Api extends EndpointsOf<typeof app> {}`, or with --typeof by
// `typeof app` directly.
// Usage: node bench/typecheck/editor-latency.mjs [routes] [--tsc 5.9|7] [--typeof]
import { spawn } from 'node:child_process'
import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { generatedDir, root, writeFixture } from './measure.mjs'

const routes = Number(process.argv.find((arg) => /^\d+$/.test(arg)) ?? 1000)
const only = process.argv.includes('--tsc') ? process.argv[process.argv.indexOf('--tsc') + 1] : undefined
const dir = writeFixture(routes)
const byInterface = !process.argv.includes('--typeof')
const probeLines = [
  `import { createClient, type EndpointsOf } from '@typefast/client'`,
  `import type { app } from './app.js'`,
  byInterface
    ? `interface Api extends EndpointsOf<typeof app> {} const client = createClient<Api>('http://localhost:8000')`
    : `const client = createClient<typeof app>('http://localhost:8000')`,
  'export async function probe(): Promise<unknown> {',
  `  const r = await client.get('/r7/{id}', { params: { id: 1 }, headers: { authorization: 't' } })`,
  '  if (r.status === 200) return r.data',
  `  return client.get('')`,
  '}',
]
const probe = join(dir, 'probe.ts')
writeFileSync(probe, probeLines.join('\n'))
const packages = join(root, 'packages')
writeFileSync(
  join(dir, 'tsconfig.json'),
  JSON.stringify({
    extends: join(root, 'tsconfig.base.json'),
    compilerOptions: { noEmit: true, paths: { '@typefast/*': [`${packages}/*/src/index.ts`] } },
    files: ['app.ts', 'probe.ts'],
  }),
)
// 0-based positions: inside the quotes of `client.get('')`, on `data` of `r.data`, on `client`.
const completionAt = { line: 6, character: probeLines[6].indexOf(`''`) + 1 }
const quickInfoAt = { line: 5, character: probeLines[5].indexOf('data') + 1 }
const clientAt = { line: 2, character: probeLines[2].indexOf('client =') + 1 }

/** Reads Content-Length framed JSON messages from a stream. */
function framedMessages(stream, onMessage) {
  let buffer = Buffer.alloc(0)
  stream.on('data', (chunk) => {
    buffer = Buffer.concat([buffer, chunk])
    for (;;) {
      const headerEnd = buffer.indexOf('\r\n\r\n')
      if (headerEnd < 0) return
      const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, headerEnd).toString())?.[1])
      if (buffer.length < headerEnd + 4 + length) return
      onMessage(JSON.parse(buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString()))
      buffer = buffer.subarray(headerEnd + 4 + length)
    }
  })
}

function server(command, args, idOf, onRequest = () => {}) {
  const child = spawn(command, args, { cwd: dir, stdio: ['pipe', 'pipe', 'inherit'] })
  const waiting = new Map()
  framedMessages(child.stdout, (message) => {
    const id = idOf(message)
    if (id === undefined) return onRequest(child, message)
    waiting.get(id)?.(message)
    waiting.delete(id)
  })
  return {
    child,
    answer: (id) => new Promise((resolve) => waiting.set(id, resolve)),
  }
}

async function timed(send) {
  const start = performance.now()
  const message = await send()
  return { ms: Math.round(performance.now() - start), message }
}

/** TypeScript 5.9: the tsserver protocol (requests one JSON per line, answers framed). */
async function tsserver() {
  const { child, answer } = server(
    process.execPath,
    [join(root, 'node_modules', 'typescript', 'lib', 'tsserver.js'), '--disableAutomaticTypingAcquisition'],
    (message) => (message.type === 'response' ? message.request_seq : undefined),
  )
  let seq = 0
  const request = (command, args) => {
    const id = ++seq
    child.stdin.write(`${JSON.stringify({ seq: id, type: 'request', command, arguments: args })}\n`)
    return answer(id)
  }
  const at = (p) => ({ file: probe, line: p.line + 1, offset: p.character + 1 })
  const results = {
    open: await timed(() => request('open', { file: probe, projectRootPath: dir })),
    load: await timed(() => request('quickinfo', at(clientAt))),
    completions: await timed(() => request('completionInfo', { ...at(completionAt), triggerCharacter: "'" })),
    quickInfo: await timed(() => request('quickinfo', at(quickInfoAt))),
    completionsAgain: await timed(() => request('completionInfo', { ...at(completionAt), triggerCharacter: "'" })),
  }
  child.kill()
  return {
    ...results,
    entries: results.completions.message.body?.entries?.length,
    data: results.quickInfo.message.body?.displayString,
  }
}

/** TypeScript 7: the language server protocol over stdio. */
async function lsp() {
  const { child, answer } = server(
    process.execPath,
    [join(root, 'node_modules', 'typescript7', 'bin', 'tsc'), '--lsp', '--stdio'],
    // Answers carry our id and no method; the server's own requests (configuration, capability
    // registration) are answered with nothing so that it goes on.
    (message) => (message.method === undefined ? message.id : undefined),
    (child, message) => {
      if (message.id === undefined) return
      const body = JSON.stringify({
        jsonrpc: '2.0',
        id: message.id,
        result: message.method === 'workspace/configuration' ? (message.params?.items ?? []).map(() => null) : null,
      })
      child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`)
    },
  )
  let seq = 0
  const send = (message) => {
    const body = JSON.stringify({ jsonrpc: '2.0', ...message })
    child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`)
  }
  const request = (method, params) => {
    const id = ++seq
    send({ id, method, params })
    return answer(id)
  }
  const uri = pathToFileURL(probe).href
  await request('initialize', { processId: process.pid, rootUri: pathToFileURL(dir).href, capabilities: {} })
  send({ method: 'initialized', params: {} })
  send({
    method: 'textDocument/didOpen',
    params: { textDocument: { uri, languageId: 'typescript', version: 1, text: probeLines.join('\n') } },
  })
  const at = (position) => ({ textDocument: { uri }, position })
  const results = {
    open: { ms: 0 },
    load: await timed(() => request('textDocument/hover', at(clientAt))),
    completions: await timed(() => request('textDocument/completion', at(completionAt))),
    quickInfo: await timed(() => request('textDocument/hover', at(quickInfoAt))),
    completionsAgain: await timed(() => request('textDocument/completion', at(completionAt))),
  }
  child.kill()
  const items = results.completions.message.result
  return {
    ...results,
    entries: (Array.isArray(items) ? items : items?.items)?.length,
    data: JSON.stringify(results.quickInfo.message.result?.contents).slice(0, 80),
  }
}

console.log(
  `| server | routes | project load: open + quick info on client (ms) | completions after client.get(' (ms) | quick info on r.data (ms) | completions again (ms) | paths offered |`,
)
console.log('|:--|--:|--:|--:|--:|--:|--:|')
const servers = { 5.9: ['tsserver 5.9', tsserver], 7: ['tsc 7 --lsp', lsp] }
for (const [name, run] of only ? [servers[only]] : Object.values(servers)) {
  const r = await run()
  console.log(
    `| ${name} | ${routes} | ${r.open.ms} + ${r.load.ms} | ${r.completions.ms} | ${r.quickInfo.ms} | ${r.completionsAgain.ms} | ${r.entries ?? '?'} |`,
  )
  console.error(`${name}: r.data is ${r.data}`)
}
rmSync(generatedDir, { recursive: true, force: true })
