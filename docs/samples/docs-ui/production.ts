import { createApp } from 'typefast'

// No document, no /docs, no /redoc and no assets in production; all of them everywhere else.
export function createPrivateApp(environment = process.env.NODE_ENV) {
  return createApp({
    title: 'Private API',
    openapiUrl: environment === 'production' ? false : '/openapi.json',
  }).get('/items/', function readItems() {
    return [{ name: 'Foo' }]
  })
}

export const app = createPrivateApp()
