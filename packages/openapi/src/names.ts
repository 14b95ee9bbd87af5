/**
 * A name as words, each capitalized: 'read_items' and 'readItems' give 'Read Items'. That is
 * FastAPI's summary rule ('_' and '.' as spaces, then Python's str.title()), with camelCase split
 * since JavaScript handlers are camelCase, and the rest of each word keeping its case
 * ('readHTTPItems' gives 'Read HTTPItems', not 'Read Httpitems').
 */
export function humanize(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_.\s]+/g, ' ')
    .trim()
    .replace(/(^|[^A-Za-z])([a-z])/g, (_, before: string, letter: string) => before + letter.toUpperCase())
}

/**
 * pydantic's title of a field, parameter or response: Python's `str.title()` then '_' as spaces
 * ('item_id' gives 'Item Id', 'x-token' 'X-Token', 'itemId' 'Itemid', 'Response_read_items__get'
 * 'Response Read Items  Get'). A letter after a letter is lowered, any other letter raised.
 */
export function pydanticTitle(name: string): string {
  let title = ''
  let afterLetter = false
  for (const char of name) {
    const cased = char.toLowerCase() !== char.toUpperCase()
    title += cased ? (afterLetter ? char.toLowerCase() : char.toUpperCase()) : char
    afterLetter = cased
  }
  return title.replace(/_/g, ' ').trim()
}

/** A function's name as JavaScript reports it, without the 'bound ' prefix of bound functions. */
export function handlerName(name: string): string {
  return name.replace(/^(bound )+/, '')
}

/**
 * A camelCase name in snake_case, as the same function is named in Python ('readItems' gives
 * 'read_items', 'readHTTPItems' 'read_http_items'); a snake_case name is left as it is.
 */
export function snakeCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1_$2')
    .toLowerCase()
}

/**
 * FastAPI's generate_unique_id: `${name}${path}_${method}` with every non-word character replaced by
 * '_' ('read_item' at GET /items/{item_id} gives 'read_item_items__item_id__get'). A JavaScript
 * handler's camelCase name is snake-cased first, so `readItem` gets the id FastAPI gives `read_item`
 * and clients generated from either document name their methods alike. An anonymous handler has
 * no name to lead with, so its id is the path and method alone ('items__item_id__get').
 */
export function defaultOperationId(name: string, path: string, method: string): string {
  const lowerMethod = method.toLowerCase()
  if (name === '') {
    const base = path.replace(/\W/g, '_').replace(/^_+/, '')
    return base === '' ? lowerMethod : `${base}_${lowerMethod}`
  }
  return `${`${snakeCase(name)}${path}`.replace(/\W/g, '_')}_${lowerMethod}`
}

/** Hands out each id once; a repeated id gets _1, _2... so that clients generated from the document compile. */
export class UniqueIds {
  readonly #taken = new Set<string>()

  take(id: string): string {
    let unique = id
    for (let n = 1; this.#taken.has(unique); n++) unique = `${id}_${n}`
    this.#taken.add(unique)
    return unique
  }
}
