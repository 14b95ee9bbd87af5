import { describe, expect, test } from 'vitest'
import { docsAsset, packageText, withoutRedoclyLogo } from './assets.js'
import { redocHtml } from './redoc.js'
import { swaggerOAuth2RedirectHtml, swaggerUIHtml } from './swagger-ui.js'

const CDN = /https?:\/\//

describe('Swagger UI page', () => {
  test('loads its assets from the assets path, with FastAPI default parameters', () => {
    const html = swaggerUIHtml({ openapiUrl: '/openapi.json', title: 'Shop - Swagger UI', assetsPath: '/docs/assets/' })
    expect(html).not.toMatch(CDN)
    expect(html).toContain('<link type="text/css" rel="stylesheet" href="/docs/assets/swagger-ui.css">')
    expect(html).toContain('<script src="/docs/assets/swagger-ui-bundle.js"></script>')
    expect(html).toContain('href="/docs/assets/favicon-32x32.png"')
    expect(html).toContain('<title>Shop - Swagger UI</title>')
    expect(html).toContain(
      '{"url":"/openapi.json","dom_id":"#swagger-ui","layout":"BaseLayout","deepLinking":true,"showExtensions":true,"showCommonExtensions":true}',
    )
    expect(html).not.toContain('oauth2RedirectUrl')
  })

  test('parameters, OAuth2 redirect and initOAuth', () => {
    const html = swaggerUIHtml({
      openapiUrl: '/openapi.json',
      title: 'x',
      assetsPath: '/docs/assets',
      oauth2RedirectUrl: '/docs/oauth2-redirect',
      parameters: { deepLinking: false, syntaxHighlight: { theme: 'obsidian' } },
      initOAuth: { clientId: 'abc' },
    })
    expect(html).toContain('"deepLinking":false')
    expect(html).toContain('"syntaxHighlight":{"theme":"obsidian"}')
    expect(html).toContain('config.oauth2RedirectUrl = window.location.origin + "/docs/oauth2-redirect"')
    expect(html).toContain('ui.initOAuth({"clientId":"abc"})')
  })

  test('no value can break out of the script or the markup', () => {
    const html = swaggerUIHtml({
      openapiUrl: '/openapi.json?a=</script><script>alert(1)</script>',
      title: '</title><script>alert(1)</script>',
      assetsPath: '/docs/"assets',
      parameters: { x: '</script><!--' },
    })
    expect(html.match(/<script/g)).toHaveLength(2)
    expect(html.match(/<\/script>/g)).toHaveLength(2)
    expect(html).not.toContain('<!--')
    expect(html).toContain('<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>')
    expect(html).toContain('href="/docs/&quot;assets/swagger-ui.css"')
    // The escaped JSON still reads back as the same values.
    const config = html.match(/const config = (.*)\n/)![1]!
    expect(JSON.parse(config).x).toBe('</script><!--')
  })

  test('the OAuth2 redirect page inlines swagger-ui-dist script', () => {
    const html = swaggerOAuth2RedirectHtml()
    expect(html).toContain('swaggerUIRedirectOauth2')
    expect(html).not.toContain('src=')
    expect(swaggerOAuth2RedirectHtml()).toBe(html)
  })
})

describe('ReDoc page', () => {
  test('loads the standalone bundle from the assets path, escaping values', () => {
    const html = redocHtml({ openapiUrl: '/openapi.json?x="y"', title: 'Shop <ReDoc>', assetsPath: '/docs/assets' })
    expect(html).not.toMatch(CDN)
    expect(html).toContain('<redoc spec-url="/openapi.json?x=&quot;y&quot;"></redoc>')
    expect(html).toContain('<script src="/docs/assets/redoc.standalone.js"></script>')
    expect(html).toContain('<title>Shop &lt;ReDoc&gt;</title>')
  })
})

describe('docsAsset', () => {
  test.each([
    ['swagger-ui-bundle.js', 'text/javascript; charset=utf-8', 'SwaggerUIBundle'],
    ['swagger-ui.css', 'text/css; charset=utf-8', '.swagger-ui'],
    ['redoc.standalone.js', 'text/javascript; charset=utf-8', 'Redoc'],
  ])('%s', (name, contentType, content) => {
    const asset = docsAsset(name)!
    expect(asset.contentType).toBe(contentType)
    expect(asset.body.toString('utf8')).toContain(content)
    expect(docsAsset(name)).toBe(asset)
  })

  test('the ReDoc bundle is served without its one CDN URL (the Redocly logo), at the same length', () => {
    const served = docsAsset('redoc.standalone.js')!.body.toString('utf8')
    const installed = packageText('redoc', 'redoc.standalone.js')
    expect(installed).toContain('https://cdn.redoc.ly/redoc/logo-mini.svg')
    expect(served).not.toContain('cdn.redoc.ly')
    expect(served.length).toBe(installed.length)
    expect(withoutRedoclyLogo('src:"https://cdn.redoc.ly/redoc/logo-mini.svg"}')).toMatch(/^src:"" +}$/)
  })

  test('the favicon is a PNG', () => {
    const asset = docsAsset('favicon-32x32.png')!
    expect(asset.contentType).toBe('image/png')
    expect(asset.body.subarray(1, 4).toString('latin1')).toBe('PNG')
  })

  test.each([
    'index.html',
    '../package.json',
    '..%2Fpackage.json',
    'swagger-ui-dist/package.json',
    '/etc/passwd',
    '',
    '__proto__',
    'constructor',
  ])('nothing else: %j', (name) => {
    expect(docsAsset(name)).toBeUndefined()
  })
})
