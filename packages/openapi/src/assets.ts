import { readFileSync } from 'node:fs'

interface AssetSource {
  /** The official package the file comes from, and its name there (vendored in assets/, see scripts/vendor-assets.mjs). */
  packageName: 'swagger-ui-dist' | 'redoc'
  file: string
  contentType: string
  /** Rewrites the file's text before it is served (kept byte-for-byte the same length, so its source map holds). */
  rewrite?: (text: string) => string
}

const JS = 'text/javascript; charset=utf-8'
const CSS = 'text/css; charset=utf-8'
const MAP = 'application/json; charset=utf-8'
const PNG = 'image/png'

// The only files served: a name not in this map is never turned into a path, so no traversal.
const ASSETS = new Map<string, AssetSource>([
  ['swagger-ui-bundle.js', { packageName: 'swagger-ui-dist', file: 'swagger-ui-bundle.js', contentType: JS }],
  ['swagger-ui-bundle.js.map', { packageName: 'swagger-ui-dist', file: 'swagger-ui-bundle.js.map', contentType: MAP }],
  ['swagger-ui.css', { packageName: 'swagger-ui-dist', file: 'swagger-ui.css', contentType: CSS }],
  ['swagger-ui.css.map', { packageName: 'swagger-ui-dist', file: 'swagger-ui.css.map', contentType: MAP }],
  ['oauth2-redirect.js', { packageName: 'swagger-ui-dist', file: 'oauth2-redirect.js', contentType: JS }],
  ['favicon-32x32.png', { packageName: 'swagger-ui-dist', file: 'favicon-32x32.png', contentType: PNG }],
  ['favicon-16x16.png', { packageName: 'swagger-ui-dist', file: 'favicon-16x16.png', contentType: PNG }],
  [
    'redoc.standalone.js',
    { packageName: 'redoc', file: 'redoc.standalone.js', contentType: JS, rewrite: withoutRedoclyLogo },
  ],
  ['redoc.standalone.js.map', { packageName: 'redoc', file: 'redoc.standalone.js.map', contentType: MAP }],
])

const cache = new Map<string, { body: Buffer; contentType: string }>()

/**
 * A docs asset by file name, read from the vendored files on first use and kept in memory; the
 * same Buffer is returned every time, so callers must not modify it. Undefined for any other name.
 */
export function docsAsset(fileName: string): { body: Buffer; contentType: string } | undefined {
  const cached = cache.get(fileName)
  if (cached) return cached
  const source = ASSETS.get(fileName)
  if (!source) return undefined
  const file = packageFile(source.packageName, source.file)
  const body = source.rewrite ? Buffer.from(source.rewrite(readFileSync(file, 'utf8'))) : readFileSync(file)
  const asset = { body, contentType: source.contentType }
  cache.set(fileName, asset)
  return asset
}

/** A vendored file's text (the Swagger OAuth2 redirect script is inlined, not linked). */
export function packageText(packageName: AssetSource['packageName'], file: string): string {
  return readFileSync(packageFile(packageName, file), 'utf8')
}

// assets/ sits beside both src/ and dist/, so the same relative URL serves the sources and the build.
function packageFile(packageName: AssetSource['packageName'], file: string): URL {
  return new URL(`../assets/${packageName}/${file}`, import.meta.url)
}

const REDOCLY_LOGO = '"https://cdn.redoc.ly/redoc/logo-mini.svg"'

/**
 * ReDoc's side menu always shows an <img> of Redocly's logo from cdn.redoc.ly: the only request its
 * standalone bundle makes to another host. The URL becomes an empty string padded with spaces to
 * the same length: an empty src fires the image's error handler at once, which removes the image,
 * and no request is made.
 */
export function withoutRedoclyLogo(script: string): string {
  return script.replaceAll(REDOCLY_LOGO, `""${' '.repeat(REDOCLY_LOGO.length - 2)}`)
}
