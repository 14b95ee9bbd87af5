import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { AppModuleNotFoundError, AppNotExportedError } from './errors.js'

/** What the CLI needs of an app: typefast's App, or anything that listens and closes like it. */
export interface Servable {
  listen(options: {
    host?: string
    port?: number
    shutdownTimeout?: number
    accessLog?: boolean
  }): Promise<{ url: string; port: number }>
  close(): Promise<void>
}

function isServable(value: unknown): value is Servable {
  const v = value as Partial<Servable> | null
  return typeof v === 'object' && v !== null && typeof v.listen === 'function' && typeof v.close === 'function'
}

const typeScript = /\.[cm]?tsx?$/

/** True when TypeScript modules already load (tsx's loader, or a Node that strips types). */
function typeScriptLoads(): boolean {
  return process.execArgv.some((arg) => /tsx|ts-node|strip-types/.test(arg)) || 'tsx' in process.versions
}

/** Import `module[:export]` and return the app it exports (`app`, else the default export). */
export async function loadApp(target: string): Promise<Servable> {
  const colon = target.lastIndexOf(':')
  const hasExport = colon > 1 // not a Windows drive letter
  const file = resolve(hasExport ? target.slice(0, colon) : target)
  const name = hasExport ? target.slice(colon + 1) : undefined
  if (!existsSync(file)) throw new AppModuleNotFoundError(file)
  if (typeScript.test(file) && !typeScriptLoads()) {
    const { register } = await import('tsx/esm/api')
    register()
  }
  const module = (await import(pathToFileURL(file).href)) as Record<string, unknown>
  const app = name !== undefined ? module[name] : (module.app ?? module.default)
  if (!isServable(app)) {
    const what = name !== undefined ? `an export named '${name}'` : "an export named 'app' or a default export"
    const found = Object.keys(module).join(', ') || 'nothing'
    throw new AppNotExportedError(file, what, found)
  }
  return app
}
