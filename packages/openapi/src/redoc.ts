import { assetUrl, escapeHtml } from './html.js'

export interface RedocOptions {
  openapiUrl: string
  title: string
  assetsPath: string
}

/** The ReDoc page, as FastAPI's get_redoc_html but without Google Fonts: nothing loads from a CDN. */
export function redocHtml(options: RedocOptions): string {
  return `<!DOCTYPE html>
<html>
<head>
<title>${escapeHtml(options.title)}</title>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="shortcut icon" href="${escapeHtml(assetUrl(options.assetsPath, 'favicon-32x32.png'))}">
<style>
body { margin: 0; padding: 0; }
</style>
</head>
<body>
<noscript>ReDoc requires Javascript to function. Please enable it to browse the documentation.</noscript>
<redoc spec-url="${escapeHtml(options.openapiUrl)}"></redoc>
<script src="${escapeHtml(assetUrl(options.assetsPath, 'redoc.standalone.js'))}"></script>
</body>
</html>
`
}
