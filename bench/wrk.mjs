// The wrk load generator, used when the `wrk` binary is installed (Debian: apt-get install wrk).
// wrk is written in C: one thread drives 50 connections with far less CPU than autocannon, so on a
// small machine it can keep a server busy where autocannon itself becomes the limit.
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export const hasWrk = spawnSync('wrk', ['--version']).error === undefined

// Lua for wrk: the request (method, headers, body) and a `done` hook printing one JSON line of results.
function script(request) {
  const lines = [`wrk.method = ${JSON.stringify(request.method)}`]
  if (request.body !== undefined) lines.push(`wrk.body = ${JSON.stringify(request.body)}`)
  for (const [name, value] of Object.entries(request.headers ?? {})) {
    lines.push(`wrk.headers[${JSON.stringify(name)}] = ${JSON.stringify(value)}`)
  }
  lines.push(
    'done = function(summary, latency, requests)',
    '  local e = summary.errors',
    '  io.write(string.format(\'\\n{"requests":%d,"durationUs":%d,"p99Us":%d,"errors":%d,"timeouts":%d,"non2xx":%d}\\n\',',
    '    summary.requests, summary.duration, latency:percentile(99), e.connect + e.read + e.write, e.timeout, e.status))',
    'end',
  )
  return `${lines.join('\n')}\n`
}

// One run of `argv` (wrk, maybe behind taskset) against the request; resolves to the same summary as load.mjs.
export function runWrk(argvPrefix, { url, request, duration, connections }) {
  const dir = mkdtempSync(join(tmpdir(), 'typefast-wrk-'))
  const lua = join(dir, 'request.lua')
  writeFileSync(lua, script(request))
  const [bin, ...args] = [...argvPrefix, '-t1', `-c${connections}`, `-d${duration}s`, '-s', lua, url]
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    child.stdout.on('data', (chunk) => (out += chunk))
    child.stderr.on('data', (chunk) => (out += chunk))
    child.once('error', reject)
    child.once('exit', (code) => {
      rmSync(dir, { recursive: true, force: true })
      const line = out.split('\n').find((l) => l.startsWith('{"requests"'))
      if (code !== 0 || line === undefined) return reject(new Error(`wrk exited with ${code}:\n${out.slice(-2000)}`))
      const r = JSON.parse(line)
      resolve({
        rps: r.requests / (r.durationUs / 1e6),
        p99: Math.round(r.p99Us / 100) / 10,
        requests: r.requests,
        errors: r.errors,
        timeouts: r.timeouts,
        non2xx: r.non2xx,
      })
    })
  })
}
