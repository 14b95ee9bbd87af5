import { docsAsset, redocHtml, swaggerOAuth2RedirectHtml, swaggerUIHtml } from '@typefast/openapi/internal'
import { type AnyRoute, get } from '@typefast/router'
import { HTTPException } from '../exceptions/http-exception.js'
import { html, raw } from '../responses/responses.js'

export interface DocsOptions {
  title: string
  /** Where the OpenAPI document is served; false turns it and both docs pages off. */
  openapiUrl: string | false
  docsUrl: string | false
  redocUrl: string | false
  /** Where the docs pages' scripts and stylesheets are served from (the installed npm packages). */
  docsAssetsUrl: string
  swaggerUiOAuth2RedirectUrl: string | false
  swaggerUiParameters: Record<string, unknown> | undefined
  /**
   * The path a proxy strips before the app sees a request ('/api/v1'): the docs pages fetch the
   * document and their assets under it, and the document lists it in `servers`.
   */
  rootPath: string
}

const hidden = { includeInSchema: false } as const

/** The routes that serve /openapi.json, /docs, /redoc and their assets, all left out of the document. */
export function docsRoutes(options: DocsOptions, openapiBytes: () => Buffer): AnyRoute[] {
  const { openapiUrl, docsUrl, redocUrl, docsAssetsUrl, title, rootPath } = options
  if (openapiUrl === false) return []
  const routes: AnyRoute[] = [get(openapiUrl, hidden, () => raw(openapiBytes(), 'application/json'))]
  if (docsUrl === false && redocUrl === false) return routes
  routes.push(
    get(`${docsAssetsUrl}/{file}`, hidden, ({ params }) => {
      const asset = docsAsset(params.file)
      if (asset === undefined) throw new HTTPException(404, 'Not Found')
      return raw(asset.body, asset.contentType, { headers: { 'cache-control': 'public, max-age=86400' } })
    }),
  )
  if (docsUrl !== false) {
    const oauth2RedirectUrl = options.swaggerUiOAuth2RedirectUrl || undefined
    const page = swaggerUIHtml({
      openapiUrl: rootPath + openapiUrl,
      title: `${title} - Swagger UI`,
      assetsPath: rootPath + docsAssetsUrl,
      oauth2RedirectUrl: oauth2RedirectUrl && rootPath + oauth2RedirectUrl,
      parameters: options.swaggerUiParameters,
    })
    routes.push(get(docsUrl, hidden, () => html(page)))
    if (oauth2RedirectUrl !== undefined) {
      // Read from the vendored script on first request, not at start-up: an app without a file
      // system (a Worker) starts, and only its docs' files are out of reach.
      let redirectPage: string | undefined
      routes.push(get(oauth2RedirectUrl, hidden, () => html((redirectPage ??= swaggerOAuth2RedirectHtml()))))
    }
  }
  if (redocUrl !== false) {
    const page = redocHtml({
      openapiUrl: rootPath + openapiUrl,
      title: `${title} - ReDoc`,
      assetsPath: rootPath + docsAssetsUrl,
    })
    routes.push(get(redocUrl, hidden, () => html(page)))
  }
  return routes
}
