import { tmpdir } from 'node:os'

/** Limits on a form body; beyond them the request is answered 413 (file size) or 400 (counts, field size). */
export interface FormLimits {
  /** Largest file, in bytes. Default 100 MiB. */
  fileSize?: number
  /** Most files in one request. Default 100. */
  files?: number
  /** Most non-file fields in one request. Default 1000, as Starlette. */
  fields?: number
  /** Largest non-file field value, in bytes. Default 1 MiB, as Starlette. */
  fieldSize?: number
  /** Files larger than this many bytes are written to a temporary file instead of memory. Default 1 MiB. */
  spillThreshold?: number
  /** Where spilled files go. Default the OS temporary directory. */
  tempDir?: string
}

export type ResolvedFormLimits = Required<FormLimits>

export function resolveFormLimits(limits: FormLimits = {}): ResolvedFormLimits {
  return {
    fileSize: limits.fileSize ?? 100 * 1024 * 1024,
    files: limits.files ?? 100,
    fields: limits.fields ?? 1000,
    fieldSize: limits.fieldSize ?? 1024 * 1024,
    spillThreshold: limits.spillThreshold ?? 1024 * 1024,
    tempDir: limits.tempDir ?? tmpdir(),
  }
}
