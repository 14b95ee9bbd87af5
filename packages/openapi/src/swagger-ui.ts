import { packageText } from './assets.js'
import { assetUrl, escapeHtml, scriptJson } from './html.js'

export interface SwaggerUIOptions {
  /** Where the page fetches the document: '/openapi.json'. */
  openapiUrl: string
  title: string
  /** Where the app serves `docsAsset` files: '/docs/assets'. */
  assetsPath: string
  /** The path (or full URL) of the page from `swaggerOAuth2RedirectHtml`, for the OAuth2 flows. */
  oauth2RedirectUrl?: string
  /** SwaggerUIBundle options over FastAPI's defaults, as its swagger_ui_parameters. */
  parameters?: Record<string, unknown>
  /** Passed to `ui.initOAuth(...)`, as FastAPI's swagger_ui_init_oauth. */
  initOAuth?: Record<string, unknown>
}

// FastAPI's swagger_ui_default_parameters.
const DEFAULT_PARAMETERS = {
  dom_id: '#swagger-ui',
  layout: 'BaseLayout',
  deepLinking: true,
  showExtensions: true,
  showCommonExtensions: true,
}

/** The Swagger UI page; its script and styles load from `assetsPath`, never from a CDN. */
export function swaggerUIHtml(options: SwaggerUIOptions): string {
  const parameters = { url: options.openapiUrl, ...DEFAULT_PARAMETERS, ...options.parameters }
  // A path is made absolute in the browser, as Swagger UI needs a full URL for the redirect.
  const redirect = options.oauth2RedirectUrl
  const redirectLine =
    redirect === undefined
      ? ''
      : `config.oauth2RedirectUrl = ${redirect.startsWith('/') ? `window.location.origin + ${scriptJson(redirect)}` : scriptJson(redirect)}\n`
  const initOAuth = options.initOAuth ? `ui.initOAuth(${scriptJson(options.initOAuth)})\n` : ''
  return `<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link type="text/css" rel="stylesheet" href="${escapeHtml(assetUrl(options.assetsPath, 'swagger-ui.css'))}">
<link rel="shortcut icon" href="${escapeHtml(assetUrl(options.assetsPath, 'favicon-32x32.png'))}">
<title>${escapeHtml(options.title)}</title>
</head>
<body>
<div id="swagger-ui"></div>
<script src="${escapeHtml(assetUrl(options.assetsPath, 'swagger-ui-bundle.js'))}"></script>
<script>
const config = ${scriptJson(parameters)}
${redirectLine}config.presets = [SwaggerUIBundle.presets.apis]
const ui = SwaggerUIBundle(config)
${initOAuth}</script>
</body>
</html>
`
}

let redirectPage: string | undefined

/**
 * The page the OAuth2 provider redirects to. swagger-ui-dist's own page loads its script by a
 * relative URL, which would break at another path, so the script is inlined here.
 */
export function swaggerOAuth2RedirectHtml(): string {
  redirectPage ??= `<!doctype html>
<html lang="en-US">
<head>
<title>Swagger UI: OAuth2 Redirect</title>
</head>
<body>
<script>
${packageText('swagger-ui-dist', 'oauth2-redirect.js').replace(/<\/script/gi, '<\\/script')}
</script>
</body>
</html>
`
  return redirectPage
}
