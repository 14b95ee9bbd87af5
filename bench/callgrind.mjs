// A server under valgrind's callgrind, measured one window of requests at a time: warm-up requests over one
// keep-alive connection, `callgrind_control -z`, the counted requests, `callgrind_control -d`, and the dump read.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Client } from 'undici'
import { freePort, startServer, stopServer, waitForPort } from './lib.mjs'

// Servers still running when the harness exits (an error, Ctrl-C) are killed rather than left behind.
const live = new Set()
process.on('exit', () => {
  for (const child of live) child.kill('SIGKILL')
})
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => process.exit(130))

export const hasCallgrind = () => spawnSync('callgrind_control', ['--version']).status === 0

// A request sent as the server closes its idle keep-alive connection (node's 5 s: a dump on a loaded machine can take
// longer) is reset before the server reads it; it is sent again, on a new connection.
async function requestOnce(client, options) {
  try {
    return await client.request(options)
  } catch (error) {
    if (error.code !== 'ECONNRESET' && error.code !== 'UND_ERR_SOCKET') throw error
    return client.request(options)
  }
}

async function send(client, { method, path, headers, body }, times) {
  for (let i = 0; i < times; i++) {
    const res = await requestOnce(client, { method, path, headers, body })
    await res.body.dump()
  }
}

// Starts `entry` (a servers.mjs entry) under callgrind; `nodeFlags` go right after a 'node' command.
export async function callgrindServer(name, entry, nodeFlags = []) {
  const dir = mkdtempSync(join(tmpdir(), `callgrind-${name}-`))
  const command = entry.cmd.flatMap((part, i) =>
    i === 0 && part === 'node' ? [process.execPath, ...nodeFlags] : [part],
  )
  const valgrind = ['valgrind', '--tool=callgrind', '--smc-check=all-non-file', `--callgrind-out-file=${dir}/out`]
  // Not pinned: under callgrind the count does not depend on the core, and servers measured at once share both.
  const server = startServer({ ...entry, cmd: [...valgrind, ...command] }, await freePort(), null)
  live.add(server.child)
  server.exited.then(() => live.delete(server.child))
  const control = (flag) => spawnSync('callgrind_control', [flag, String(server.child.pid)])

  // The dump `callgrind_control -d` has just written (out.N; the dump at exit has no suffix), then removed.
  function takeDump() {
    const [file] = readdirSync(dir).filter((f) => /\.\d+$/.test(f))
    if (file === undefined) throw new Error(`callgrind wrote no dump in ${dir}`)
    const text = readFileSync(join(dir, file), 'utf8')
    rmSync(join(dir, file))
    const summary = /^summary:\s+(\d+)/m.exec(text)
    if (!summary) throw new Error(`no summary line in the dump of ${name}`)
    return { total: Number(summary[1]), text }
  }

  let client
  try {
    await waitForPort(server, 1_200_000) // under callgrind on a loaded machine start-up can take minutes
  } catch (error) {
    server.child.kill('SIGKILL')
    rmSync(dir, { recursive: true, force: true })
    throw error
  }
  client = new Client(`http://127.0.0.1:${server.port}`, { pipelining: 1, headersTimeout: 120_000 })
  // The first dump carries costs of start-up that zeroing does not clear: dump them once, unread.
  control('-d')
  takeDump()
  return {
    pid: server.child.pid,
    // Instructions per counted request (the dump's summary line: every thread of the process) and the dump.
    async measure(request, warmup, requests) {
      await send(client, request, warmup)
      control('-z')
      await send(client, request, requests)
      control('-d')
      const dump = takeDump()
      return { perRequest: dump.total / requests, text: dump.text }
    },
    async stop() {
      await client.close()
      await stopServer(server)
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
