import { extname } from 'node:path'
import { lazyRequire } from '../lazy-require.js'

// Required on first use: start-up time and RSS of apps that serve no files.
const loadMime = lazyRequire<typeof import('mime-types')>('mime-types')

/** The Content-Type for a file name, from its extension (charset added for text); octet-stream when unknown. */
export function mediaTypeOf(fileName: string): string {
  return loadMime().contentType(extname(fileName)) || 'application/octet-stream'
}
