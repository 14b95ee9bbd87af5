// Reading callgrind dumps by function: each function's own instructions (self cost), with V8's JIT code named from
// the perf map that `node --perf-basic-prof` writes (/tmp/perf-PID.map): callgrind sees JIT code only as addresses.
import { existsSync, readFileSync } from 'node:fs'

// { function name -> self instructions } of one dump (callgrind's format with name compression, --dump-instr=no).
export function selfCosts(text) {
  const names = new Map() // '(id)' -> name, for fn and cfn (one name space)
  const costs = new Map()
  let current = null
  let afterCalls = false
  const nameOf = (ref) => {
    const [, id, name] = /^(\(\d+\))\s*(.*)$/.exec(ref) ?? [null, null, ref]
    if (id === null) return ref
    if (name) names.set(id, name)
    return names.get(id)
  }
  for (const line of text.split('\n')) {
    if (line.startsWith('fn=')) {
      current = nameOf(line.slice(3))
      afterCalls = false
    } else if (line.startsWith('cfn=')) {
      nameOf(line.slice(4))
    } else if (line.startsWith('calls=')) {
      afterCalls = true // the next cost line is the call's inclusive cost, not this function's own
    } else if (/^[+\-*\d]/.test(line) && current !== null) {
      if (afterCalls) afterCalls = false
      else {
        const ir = Number(line.split(' ')[1] ?? 0)
        costs.set(current, (costs.get(current) ?? 0) + ir)
      }
    }
  }
  return costs
}

// A perf map (`node --perf-basic-prof`) as sorted [start, end, name] ranges; empty when there is none.
export function perfMap(file) {
  if (!existsSync(file)) return []
  const ranges = []
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const match = /^([0-9a-f]+) ([0-9a-f]+) (.*)$/.exec(line)
    if (!match) continue
    const start = Number.parseInt(match[1], 16)
    ranges.push([start, start + Number.parseInt(match[2], 16), match[3]])
  }
  return ranges.sort((a, b) => a[0] - b[0])
}

// A JIT function's name without V8's tier markers (`JS:*`, `LazyCompile:~`), so one function keeps one name.
const plain = (name) => name.replace(/^[A-Za-z]+:[*~^+]?/, '').replace(/^(Builtin|BytecodeHandler|Stub):/, '$1 ')

// Callgrind's `0x...` names replaced by the perf map's (the last code object mapped at that address wins).
export function named(costs, ranges) {
  const out = new Map()
  for (const [raw, ir] of costs) {
    const name = raw.replace(/'\d+$/, '') // callgrind's recursion depth suffix: one function, one row
    let label = name
    if (/^0x[0-9a-f]+$/.test(name)) {
      const address = Number.parseInt(name, 16)
      const hit = ranges.findLast(([start, end]) => start <= address && address < end)
      label = hit ? plain(hit[2]) : 'JIT code (unnamed)'
    }
    out.set(label, (out.get(label) ?? 0) + ir)
  }
  return out
}
