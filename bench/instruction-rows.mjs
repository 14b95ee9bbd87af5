// Ratios and table rows of instructions per request, shared by instructions.mjs, all.mjs and the chart.
// A result is { endpoint, server, instructions, min, max }; node-http is the reference, typefast the subject.

// Each result with `vsNodeHttp` (its count over hand-written node:http's on the same endpoint) and `typefastOver`
// (typefast's count over its: below 1.00 typefast executes fewer instructions); null where either is missing.
export function withRatios(results) {
  const count = (endpoint, server) =>
    results.find((r) => r.endpoint === endpoint && r.server === server)?.instructions ?? null
  return results.map((r) => {
    const nodeHttp = count(r.endpoint, 'node-http')
    const typefast = count(r.endpoint, 'typefast')
    return {
      ...r,
      vsNodeHttp: nodeHttp === null ? null : r.instructions / nodeHttp,
      typefastOver: typefast === null ? null : typefast / r.instructions,
    }
  })
}

const thousands = (n) => `${(n / 1000).toFixed(1)}k`
const ratio = (x) => (x === null ? 'n/a' : x.toFixed(2))

// The table of instructions per request; `extra` adds columns: [{ title, cell(result) }].
export function instructionRows(results, extra = []) {
  const header = [
    'endpoint',
    'server',
    'instructions/req',
    'runs min–max',
    '× node:http',
    'typefast / server',
    ...extra.map((column) => column.title),
  ]
  const rows = withRatios(results).map((r) => [
    r.endpoint,
    r.server,
    thousands(r.instructions),
    `${thousands(r.min)}–${thousands(r.max)}`,
    ratio(r.vsNodeHttp),
    r.server === 'typefast' ? '—' : ratio(r.typefastOver),
    ...extra.map((column) => column.cell(r)),
  ])
  return { header, rows }
}
