import { MissingPathParamError } from './errors.js'

// `{name}`, `{name:path}` and `:name`, as the router reads templates.
const parameter = /\{([^}:]+)(:path)?\}|:([A-Za-z_][A-Za-z0-9_]*)/g

/**
 * Substitute path parameters into a template, percent-encoded so a value cannot change the
 * route: a `/` in a value is `%2F`, except in a `{name:path}` parameter, which spans segments.
 */
export function fillPath(template: string, params: Readonly<Record<string, unknown>> | undefined): string {
  return template.replace(parameter, (_match, braced: string | undefined, pathSuffix: string | undefined, colon) => {
    const name = (braced ?? colon) as string
    const value = params?.[name]
    if (value === undefined || value === null) throw new MissingPathParamError(template, name)
    const text = String(value)
    return pathSuffix ? text.split('/').map(encodeURIComponent).join('/') : encodeURIComponent(text)
  })
}
