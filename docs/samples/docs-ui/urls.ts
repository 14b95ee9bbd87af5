import { createApp } from 'typefast'

export const app = createApp({
  title: 'Moved docs',
  openapiUrl: '/api/v1/openapi.json',
  docsUrl: '/documentation',
  redocUrl: false,
  docsAssetsUrl: '/static/docs',
}).get('/items/', function readItems() {
  return [{ name: 'Foo' }]
})
