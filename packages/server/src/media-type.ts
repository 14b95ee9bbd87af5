import { extname } from 'node:path'
import mime from 'mime-types'

/** The Content-Type for a file name, from its extension (charset added for text); octet-stream when unknown. */
export function mediaTypeOf(fileName: string): string {
  return mime.contentType(extname(fileName)) || 'application/octet-stream'
}
