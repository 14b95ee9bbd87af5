import { createApp } from 'typefast'

export const app = createApp({
  title: 'ChimichangApp',
  summary: "Deadpool's favorite app. Nuff said.",
  description:
    'ChimichangApp API helps you do awesome stuff. 🚀\n\n## Users\n\nYou will be able to **create** and **read** users.',
  version: '0.0.1',
  termsOfService: 'http://example.com/terms/',
  contact: {
    name: 'Deadpoolio the Amazing',
    url: 'http://x-force.example.com/contact/',
    email: 'dp@x-force.example.com',
  },
  license: { name: 'Apache 2.0', identifier: 'Apache-2.0' },
  servers: [
    { url: 'https://stag.example.com', description: 'Staging environment' },
    { url: 'https://prod.example.com', description: 'Production environment' },
  ],
}).get('/items/', function readItems() {
  return [{ name: 'Katana' }]
})
