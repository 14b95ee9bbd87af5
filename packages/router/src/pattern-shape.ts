// How find-my-way reads a registered pattern: its shape (parameter names left out), its trailing
// slash, and which of two patterns it tries first for a path both match.

/** The pattern as find-my-way compares routes: parameter names do not matter. */
export function shapeOf(routerPath: string): string {
  return routerPath.replace(/::|:[A-Za-z0-9_]+/g, (m) => (m === '::' ? m : ':'))
}

/** '/items/' is registered as '/items' (lookup ignores a trailing slash); '/' stays, as does a '{name:path}' route. */
export function withoutTrailingSlash(routerPath: string): string {
  return routerPath.length > 1 && routerPath.endsWith('/') ? routerPath.slice(0, -1) : routerPath
}

/** What a slash-sensitive pattern asks for before the trailing slash: '/files/*' -> '/files', '/a/' -> '/a'. */
export function beforeTrailingSlash(routerPath: string): string {
  const end = routerPath.endsWith('*') ? routerPath.length - 1 : routerPath.length
  return routerPath.slice(0, routerPath.charCodeAt(end - 1) === 47 /* '/' */ ? end - 1 : end)
}

/** One segment of a find-my-way pattern: its static start, and the parameter node after it, if any. */
interface SegmentNode {
  /** the static text before the first parameter, with '::' read as ':' */
  prefix: string
  /** the parameter node, names left out ('' for none): ':' plain, ':.json' with a suffix, ':-:' two parameters */
  node: string
  /** the static text after the last parameter, as find-my-way orders parameter nodes by it */
  suffix: string
}

function segmentNode(segment: string): SegmentNode {
  let prefix = ''
  let i = 0
  while (i < segment.length) {
    if (segment[i] === ':' && segment[i + 1] !== ':') break
    prefix += segment[i]
    i += segment[i] === ':' ? 2 : 1
  }
  const node = shapeOf(segment.slice(i))
  const last = node.lastIndexOf(':')
  return { prefix, node, suffix: node === '' ? '' : node.slice(last + 1) }
}

/** find-my-way's order of parameter nodes: with a static suffix, then with other static parts, then plain. */
function nodeRank(segment: SegmentNode): number {
  if (segment.suffix !== '') return 0
  return segment.node === ':' ? 2 : 1
}

/**
 * Whether find-my-way tries pattern `a` before pattern `b` for a path that both match: the first place where
 * they differ decides, segment by segment: static text before a parameter, then parameter nodes in
 * find-my-way's order (see `nodeRank`; of two suffixes, the one that ends with the other). Patterns of the
 * same shape: false. For the rare path that a trailing slash leaves in doubt (`#slashSensitiveMatch`).
 */
export function isTriedFirst(a: string, b: string): boolean {
  const as = a.split('/')
  const bs = b.split('/')
  if (as.length !== bs.length) return false
  for (let i = 0; i < as.length; i++) {
    const x = segmentNode(as[i]!)
    const y = segmentNode(bs[i]!)
    if (x.node === '' || y.node === '') {
      if (x.node === y.node) continue // the same static text, since both match
      return x.node === '' // a static segment where the other has a parameter
    }
    if (x.prefix.length !== y.prefix.length) return x.prefix.length > y.prefix.length
    if (x.node === y.node) continue
    const rx = nodeRank(x)
    const ry = nodeRank(y)
    if (rx !== ry) return rx < ry
    return rx === 0 && x.suffix !== y.suffix && x.suffix.endsWith(y.suffix)
  }
  return false
}
