// The SVG chart of instructions per request: per endpoint, one bar per server, as a ratio to hand-written node:http
// (the dashed line at 1.00). Written by the harness as plain SVG text, no charting library. Bars beyond the axis
// (FastAPI's, tens of times node:http's) are cut at its end and marked, their value printed, so that the
// differences near 1.00 stay readable.
import { withRatios } from './instruction-rows.mjs'

const colors = { typefast: '#1c7ed6', fastify: '#495057', hono: '#e8590c', fastapi: '#099268', express: '#ae3ec9' }
const fallback = '#868e96'
// The layout in pixels: a bar's height, the gaps after a bar and after an endpoint's group, an
// endpoint title's height, the server-name column, the plot's width, where the first group starts.
const px = { bar: 16, gap: 4, groupGap: 18, title: 20, left: 90, plot: 520, top: 56 }

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
  const x = (ratio) => px.left + (Math.min(ratio, end) / end) * px.plot
  const parts = []
  let y = px.top
  for (const endpoint of endpointNames) {
    const { method, path } = endpoints[endpoint].load
    parts.push(`<text x="8" y="${y + 13}" font-weight="600">${xml(`${method} ${path}`)}</text>`)
    y += px.title
    for (const r of rated.filter((row) => row.endpoint === endpoint)) {
      const cut = r.vsNodeHttp > end
      const width = x(r.vsNodeHttp) - px.left
      const label = `${r.vsNodeHttp.toFixed(2)}× (${Math.round(r.instructions / 1000)}k)`
      parts.push(
        `<text x="${px.left - 6}" y="${y + 12}" text-anchor="end">${xml(r.server)}</text>`,
        `<rect x="${px.left}" y="${y}" width="${width.toFixed(1)}" height="${px.bar}" fill="${colors[r.server] ?? fallback}"/>`,
        ...(cut
          ? [
              `<path d="M${px.left + width - 14} ${y + px.bar} l6 -${px.bar} m4 0 l-6 ${px.bar}" stroke="#fff" stroke-width="2"/>`,
            ]
          : []),
        `<text x="${(px.left + width + 6).toFixed(1)}" y="${y + 12}">${xml(label)}</text>`,
      )
      y += px.bar + px.gap
    }
    y += px.groupGap
  }
  const ticks = []
  for (let t = 0; t <= end + 1e-9; t += 0.25) ticks.push(t)
  const grid = ticks.map(
    (t) =>
      `<line x1="${x(t)}" y1="${px.top - 4}" x2="${x(t)}" y2="${y - px.groupGap}" stroke="#e9ecef"/>` +
      `<text x="${x(t)}" y="${px.top - 8}" text-anchor="middle" fill="#868e96">${t.toFixed(2)}</text>`,
  )
  const height = y + 8
  const width = px.left + px.plot + 120
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, -apple-system, Segoe UI, Helvetica, Arial, sans-serif" font-size="12" fill="#212529">
<rect width="100%" height="100%" fill="#fff"/>
<text x="8" y="18" font-size="14" font-weight="600">Instructions per request, relative to hand-written node:http (lower is better)</text>
<text x="8" y="34" fill="#868e96">callgrind, median of runs; 1.00 = node:http; a cut bar runs past the axis</text>
${grid.join('\n')}
${parts.join('\n')}
<line x1="${x(1)}" y1="${px.top - 4}" x2="${x(1)}" y2="${y - px.groupGap}" stroke="#212529" stroke-dasharray="4 3"/>
</svg>
`
}
