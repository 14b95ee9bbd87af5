import { createApp } from 'typefast'

// {name:path} takes the rest of the URL, slashes included.
export const app = createApp().get('/files/{file_path:path}', function readFile({ params }) {
  return { file_path: params.file_path }
})
