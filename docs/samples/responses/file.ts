import { fileURLToPath } from 'node:url'
import { createApp, file, t } from 'typefast'

const report = fileURLToPath(new URL('./report.csv', import.meta.url))

export const app = createApp()
  // Content-Type from the extension, Content-Length, ETag/Last-Modified (304), Range (206/416), HEAD.
  .get('/report', function readReport() {
    return file(report)
  })
  // The same file as a download, under the name the user asked for.
  .get(
    '/report/download',
    { query: t.Object({ name: t.String({ default: 'report.csv' }) }) },
    function download({ query }) {
      return file(report, { filename: query.name })
    },
  )
