// Generated requests from a description of one route's inputs: its path parameters, query
// parameters, headers and JSON body, each given as a valid example. Every input is varied on its
// own (dropped, repeated, each tricky value), the body also as a whole (null, no body, other
// content types, repeated keys, invalid UTF-8), then `mixed` seeded requests change several at
// once. The same description and seed give the same requests on every run.
import { fieldVariants, headerList, seeded, TRICKY, urlencode } from './generate-extra.mjs'

/** A JSON value written as is: numbers JSON.stringify cannot write (1e400, beyond 2^53) or invalid JSON. */
export const raw = (text) => ({ [RAW]: text })
const RAW = Symbol('raw JSON')
// Stands for a raw part while JSON.stringify runs; no generated value contains it.
const RAW_MARK = '@raw-json-part-'

/** JSON text of `value`, `raw()` parts written verbatim. */
export function jsonText(value) {
  const raws = []
  const text = JSON.stringify(value, (_key, element) => {
    if (element && typeof element === 'object' && RAW in element) return `${RAW_MARK}${raws.push(element[RAW]) - 1}`
    return element
  })
  return text.replace(new RegExp(`"${RAW_MARK}(\\d+)"`, 'g'), (_match, index) => raws[Number(index)])
}

/** Values for a JSON field: each type, the boundaries pydantic's lax mode draws, non-finite numbers. */
export const JSON_TRICKY = [
  null,
  true,
  false,
  0,
  1,
  -1,
  1.5,
  2.0,
  '',
  ' ',
  '3',
  ' 7',
  '3.5',
  '1e3',
  'true',
  'yes',
  'null',
  [],
  {},
  [1],
  { a: 1 },
  '\u00e9t\u00e9 \u{1F600}',
  'a'.repeat(300),
  raw('9007199254740993'),
  raw('-9007199254740993'),
  raw('1e400'),
  raw('-1e400'),
  raw('NaN'),
  raw('Infinity'),
  '1e400',
  'nan',
  'inf',
  1e308,
  5e-324,
  -0.0,
  1e20,
]

const fill = (template, params) => template.replace(/\{(\w+)(?::path)?\}/g, (_m, name) => params[name])

/**
 * The requests for one route. `path` is its template (`/items/{item_id}`), `params`, `query`,
 * `headers` and `body` valid examples; `name` prefixes every case name (for several routes of
 * one sample).
 */
export function routeCases({
  sample,
  name = '',
  method = 'GET',
  path,
  params = {},
  query,
  headers,
  body,
  seed = 1,
  mixed = 10,
}) {
  const prefix = name ? `${name}: ` : ''
  const validParams = Object.fromEntries(Object.entries(params).map(([key, value]) => [key, encodeURIComponent(value)]))
  const queryPairs = Object.entries(query ?? {})
  const url = (pathParams = validParams, pairs = queryPairs) =>
    `${fill(path, pathParams)}${pairs.length ? `?${urlencode(pairs)}` : ''}`
  const request = (caseName, changes) => ({
    sample,
    name: `${prefix}${caseName}`,
    method,
    url: url(),
    ...(headers && { headers: { ...headers } }),
    ...(body !== undefined && { headers: { ...headers, 'content-type': 'application/json' }, body: jsonText(body) }),
    ...changes,
  })
  const cases = [request('valid')]

  for (const param of Object.keys(params)) {
    for (const value of TRICKY) {
      cases.push(
        request(`path ${param} = ${JSON.stringify(value).slice(0, 40)}`, {
          url: url({ ...validParams, [param]: encodeURIComponent(value) }),
        }),
      )
    }
  }
  if (query) {
    const variants = fieldVariants({ fields: query, seed, mixed, build: (pairs) => ({ url: url(validParams, pairs) }) })
    for (const { name: caseName, ...changes } of variants) cases.push(request(`query ${caseName}`, changes))
  }
  if (headers) {
    const variants = fieldVariants({
      fields: headers,
      seed,
      mixed,
      headers: true,
      build: (pairs) => ({ headers: headerList(pairs) }),
    })
    for (const { name: caseName, headers: sent } of variants) {
      cases.push(
        request(`header ${caseName}`, {
          headers: body === undefined ? sent : { ...sent, 'content-type': 'application/json' },
        }),
      )
    }
  }
  if (body !== undefined) cases.push(...bodyCases(body, request, seed, mixed))
  return cases
}

function bodyCases(body, request, seed, mixed) {
  const withBody = (caseName, text, contentType = 'application/json') => {
    const built = request(caseName, { body: text })
    built.headers = { ...built.headers }
    if (contentType === undefined) delete built.headers['content-type']
    else built.headers['content-type'] = contentType
    return built
  }
  const text = jsonText(body)
  const cases = [
    withBody('body null', 'null'),
    withBody('body empty', ''),
    withBody('body an array', jsonText([body])),
    withBody('body a string', '"text"'),
    withBody('body a number', '1'),
    withBody('body truncated', text.slice(0, -1)),
    withBody('body not JSON', 'name=Foo'),
    withBody(
      'body invalid UTF-8',
      Buffer.concat([Buffer.from(text.slice(0, -1)), Buffer.from(',"x":"\xff\xfe"}', 'latin1')]),
    ),
    withBody('body with a BOM', `\ufeff${text}`),
    withBody('no body and no content type', undefined, undefined),
    withBody('the body without a content type', text, undefined),
    withBody('the body as text/plain', text, 'text/plain'),
    withBody('the body as a form', text, 'application/x-www-form-urlencoded'),
    withBody('content type with a charset', text, 'application/json; charset=utf-8'),
    withBody('content type in capitals', text, 'Application/JSON'),
    withBody('a +json content type', text, 'application/vnd.api+json'),
    withBody('a content type that only starts like JSON', text, 'application/jsonx'),
    withBody('an unknown field too', jsonText({ ...body, unknown: 1 })),
  ]
  if (body && typeof body === 'object' && !Array.isArray(body)) {
    const fields = Object.keys(body)
    for (const field of fields) {
      const { [field]: _dropped, ...rest } = body
      cases.push(withBody(`body ${field} dropped`, jsonText(rest)))
      cases.push(
        withBody(
          `body ${field} repeated`,
          `${text.slice(0, -1)},${JSON.stringify(field)}:${jsonText(JSON_TRICKY[field.length % JSON_TRICKY.length])}}`,
        ),
      )
      JSON_TRICKY.forEach((value, index) => {
        cases.push(
          withBody(`body ${field} = ${jsonText(value).slice(0, 40)} (${index})`, jsonText({ ...body, [field]: value })),
        )
      })
    }
    const random = seeded(seed)
    const pick = (list) => list[Math.floor(random() * list.length)]
    for (let i = 0; i < mixed && fields.length > 1; i++) {
      const changed = { ...body }
      const names = [pick(fields), pick(fields)]
      for (const field of names) changed[field] = pick(JSON_TRICKY)
      if (random() < 0.3) delete changed[pick(fields)]
      cases.push(withBody(`body mixed ${i}: ${names.join(', ')}`, jsonText(changed)))
    }
  }
  return cases
}
