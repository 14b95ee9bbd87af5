import { InvalidPathError, InvalidPrefixError } from './errors.js'

export interface PathTemplate {
  /** the path as written by the user, normalised to OpenAPI form: '/items/{item_id}', '/files/{file_path}' (a `{x:path}` parameter documents as `{x}`) */
  openapiPath: string
  /** the find-my-way pattern: '/items/:item_id', '/files/*' */
  routerPath: string
  /** parameter names in order */
  params: string[]
  /** the one parameter that captures the rest of the path (`{name:path}`), if any */
  wildcard: string | undefined
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/
const NAME_CHAR = /[A-Za-z0-9_]/

/**
 * Parses a route path: `{name}` (OpenAPI, FastAPI), `:name` at the start of a segment (Express) and
 * `{name:path}` as the last segment (the rest of the path, slashes included). Runs once per route at
 * start-up, so it favours clear errors over speed.
 */
export function parsePathTemplate(path: string): PathTemplate {
  const fail = (problem: string, fix: string): never => {
    throw new InvalidPathError(path, problem, fix)
  }
  if (path[0] !== '/') fail("it must start with '/'", `Write '/${path}'.`)

  let openapiPath = ''
  let routerPath = ''
  const params: string[] = []
  let wildcard: string | undefined

  const addParam = (name: string, syntax: string) => {
    if (name === '') fail(`'${syntax}' has an empty parameter name`, 'Name it, as in /items/{item_id}.')
    if (!NAME.test(name)) {
      fail(`'${name}' is not a valid parameter name`, 'Use letters, digits and _, not starting with a digit.')
    }
    if (params.includes(name)) fail(`parameter '${name}' appears twice`, 'Give each parameter its own name.')
    params.push(name)
  }

  let i = 0
  while (i < path.length) {
    const ch = path[i]!
    if (ch === '{') {
      const close = path.indexOf('}', i)
      if (close === -1) fail(`'{' at position ${i} is never closed`, "Add the closing '}'.")
      const inner = path.slice(i + 1, close)
      const colon = inner.indexOf(':')
      const name = colon === -1 ? inner : inner.slice(0, colon)
      addParam(name, `{${inner}}`)
      if (colon !== -1) {
        const converter = inner.slice(colon + 1)
        if (converter !== 'path') {
          fail(
            `'{${inner}}' uses the unknown converter '${converter}'`,
            'Only {name:path} is supported; type parameters with a params schema.',
          )
        }
        if (path[i - 1] !== '/' || close !== path.length - 1) {
          fail(`'{${inner}}' must be a whole segment at the end of the path`, `Write it as '/.../{${inner}}'.`)
        }
        wildcard = name
        routerPath += '*'
      } else {
        routerPath += `:${name}`
      }
      openapiPath += `{${name}}`
      i = close + 1
      checkAfterParam(path, i, name, fail)
    } else if (ch === ':' && path[i - 1] === '/') {
      let end = i + 1
      while (end < path.length && NAME_CHAR.test(path[end]!)) end++
      const name = path.slice(i + 1, end)
      if (name === '' && end < path.length && path[end] !== '/') {
        fail(`':' at position ${i} is not followed by a valid parameter name`, 'Use letters, digits and _.')
      }
      addParam(name, `:${name}`)
      routerPath += `:${name}`
      openapiPath += `{${name}}`
      i = end
      checkAfterParam(path, i, name, fail)
    } else if (ch === '}') {
      fail(`'}' at position ${i} has no opening '{'`, "Remove it or add the '{'.")
    } else if (ch === '*' || ch === '?' || ch === '#') {
      fail(
        `'${ch}' is not allowed in a path template`,
        "Capture the rest of a path with '{name:path}'; query strings are declared with a query schema.",
      )
    } else {
      // find-my-way reads ':' as a parameter; '::' is its escape for a literal colon
      routerPath += ch === ':' ? '::' : ch
      openapiPath += ch
      i++
    }
  }

  return { openapiPath, routerPath, params, wildcard }
}

/**
 * find-my-way ends a parameter at '/', or at '-' or '.' (static suffixes such as '{name}.json'); any other
 * character would silently become part of the parameter's name, so it is an error here.
 */
function checkAfterParam(path: string, at: number, name: string, fail: (problem: string, fix: string) => never) {
  const next = path[at]
  if (next === undefined || next === '/' || next === '-' || next === '.') return
  fail(`parameter '${name}' is followed by '${next}'`, "End a parameter with '/', '-', '.' or the end of the path.")
}

/** Joins a router prefix and a route path: '/items' + '/' -> '/items', '' + '/x' -> '/x', '/a/' + '/b' -> '/a/b'. */
export function joinPaths(prefix: string, path: string): string {
  if (prefix === '' || prefix === '/') return path === '' ? '/' : path
  if (prefix[0] !== '/') throw new InvalidPrefixError(prefix)
  const head = prefix.endsWith('/') ? prefix.slice(0, -1) : prefix
  if (path === '' || path === '/') return head
  return path[0] === '/' ? head + path : `${head}/${path}`
}
