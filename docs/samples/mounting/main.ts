import { createApp } from 'typefast'

// A second app with its own routes, docs and OpenAPI document.
export const admin = createApp({ title: 'Admin API' }).get('/users', function listUsers() {
  return [{ name: 'ada' }]
})

export const app = createApp({ title: 'Shop API', rootPath: '/shop' })
  .get('/items', function listItems() {
    return [{ name: 'Widget' }]
  })
  .mount('/admin', admin)
