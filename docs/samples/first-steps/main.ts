import { createApp } from 'typefast'

export const app = createApp({ title: 'My first API' }).get('/', function root() {
  return { message: 'Hello World' }
})
