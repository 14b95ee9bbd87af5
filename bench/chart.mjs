// The SVG chart of instructions per request: per endpoint, one bar per server, as a ratio to hand-written node:http
// (the dashed line at 1.00). Written by the harness as plain SVG text, no charting library. Bars beyond the axis
// (FastAPI's, tens of times node:http's) are cut at its end and marked, their value printed, so that the
// differences near 1.00 stay readable.
import { withRatios } from './instruction-rows.mjs'

const colors = { typefast: '#1c7ed6', fastify: '#495057', hono: '#e8590c', fastapi: '#099268', express: '#ae3ec9' }
const fallback = '#868e96'
const BAR = 16
const GAP = 4
const GROUP_GAP = 18
const TITLE = 20
const LEFT = 90
const PLOT = 520
const TOP = 56

const xml = (text) => String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

// The axis end: the largest ratio under 3 rounded up to the next 0.25, at least 1.5.
export function axisEnd(ratios) {
  const near = ratios.filter((r) => r < 3)
  return Math.max(1.5, Math.ceil(Math.max(...near, 0) / 0.25) * 0.25)
}

export function instructionsChart(results, endpoints) {
  const rated = withRatios(results).filter((r) => r.server !== 'node-http' && r.vsNodeHttp !== null)
  const endpointNames = [...new Set(rated.map((r) => r.endpoint))]
  const end = axisEnd(rated.map((r) => r.vsNodeHttp))
  const x = (ratio) => LEFT + (Math.min(ratio, end) / end) * PLOT
  const parts = []
  let y = TOP
  for (const endpoint of endpointNames) {
    const { method, path } = endpoints[endpoint].load
    parts.push(`<text x="8" y="${y + 13}" font-weight="600">${xml(`${method} ${path}`)}</text>`)
    y += TITLE
    for (const r of rated.filter((row) => row.endpoint === endpoint)) {
      const cut = r.vsNodeHttp > end
      const width = x(r.vsNodeHttp) - LEFT
      const label = `${r.vsNodeHttp.toFixed(2)}× (${Math.round(r.instructions / 1000)}k)`
      parts.push(
        `<text x="${LEFT - 6}" y="${y + 12}" text-anchor="end">${xml(r.server)}</text>`,
        `<rect x="${LEFT}" y="${y}" width="${width.toFixed(1)}" height="${BAR}" fill="${colors[r.server] ?? fallback}"/>`,
        ...(cut
          ? [`<path d="M${LEFT + width - 14} ${y + BAR} l6 -${BAR} m4 0 l-6 ${BAR}" stroke="#fff" stroke-width="2"/>`]
          : []),
        `<text x="${(LEFT + width + 6).toFixed(1)}" y="${y + 12}">${xml(label)}</text>`,
      )
      y += BAR + GAP
    }
    y += GROUP_GAP
  }
  const ticks = []
  for (let t = 0; t <= end + 1e-9; t += 0.25) ticks.push(t)
  const grid = ticks.map(
    (t) =>
      `<line x1="${x(t)}" y1="${TOP - 4}" x2="${x(t)}" y2="${y - GROUP_GAP}" stroke="#e9ecef"/>` +
      `<text x="${x(t)}" y="${TOP - 8}" text-anchor="middle" fill="#868e96">${t.toFixed(2)}</text>`,
  )
  const height = y + 8
  const width = LEFT + PLOT + 120
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, -apple-system, Segoe UI, Helvetica, Arial, sans-serif" font-size="12" fill="#212529">
<rect width="100%" height="100%" fill="#fff"/>
<text x="8" y="18" font-size="14" font-weight="600">Instructions per request, relative to hand-written node:http (lower is better)</text>
<text x="8" y="34" fill="#868e96">callgrind, median of runs; 1.00 = node:http; a cut bar runs past the axis</text>
${grid.join('\n')}
${parts.join('\n')}
<line x1="${x(1)}" y1="${TOP - 4}" x2="${x(1)}" y2="${y - GROUP_GAP}" stroke="#212529" stroke-dasharray="4 3"/>
</svg>
`
}
