// What the server needs to serve the document and the docs pages; applications import from '.'.
export { docsAsset } from './assets.js'
export { buildOpenAPIDocument } from './document.js'
export { redocHtml } from './redoc.js'
export { swaggerOAuth2RedirectHtml, swaggerUIHtml } from './swagger-ui.js'
