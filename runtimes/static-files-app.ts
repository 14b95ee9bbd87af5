// An app that serves a folder of this checkout (the matrix runs from its root). A Worker has no file
// system, so workerd must refuse the app at start-up with StaticFilesDirectoryError rather than
// serve it and answer 404 for every file.
import { createApp, staticFiles } from '../packages/typefast/src/index.js'

export const app = createApp({ title: 'Static files' })
  .get('/hello', () => ({ hello: 'world' }))
  .include(staticFiles('/static', 'runtimes'))
