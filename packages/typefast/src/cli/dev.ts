import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { type RunOptions, toArgs } from './args.js'
import { say } from './serve.js'

export const TSX_MISSING =
  'typefast dev runs your TypeScript with tsx, which is not installed. Add it to your project: npm install --save-dev tsx'

/**
 * tsx's CLI, or undefined when it is not installed: tsx is an optional peer dependency, so an app
 * that only runs its build does not install esbuild.
 */
export function tsxCliPath(
  resolve: (id: string) => string = createRequire(import.meta.url).resolve,
): string | undefined {
  try {
    return resolve('tsx/cli')
  } catch {
    return undefined
  }
}

/**
 * `typefast dev`: tsx's watch mode runs `typefast run` on the TypeScript source and restarts it
 * when an imported file changes (a restart is a graceful shutdown, so dependencies tear down).
 */
export function runDev(options: RunOptions, cliFile: string): void {
  const tsxCli = tsxCliPath()
  if (tsxCli === undefined) {
    say(TSX_MISSING)
    process.exit(1)
  }
  // Node flags this CLI runs with (such as --conditions) carry over to the app's process.
  const nodeFlags = process.execArgv.filter((flag) => flag.startsWith('--conditions') || flag.startsWith('-C'))
  const env = {
    ...process.env,
    TYPEFAST_DEV: '1',
    NODE_OPTIONS: [process.env.NODE_OPTIONS, ...nodeFlags].filter(Boolean).join(' '),
  }
  const args = [tsxCli, 'watch', '--clear-screen=false', cliFile, ...toArgs('run', { ...options, workers: 1 })]
  const child = spawn(process.execPath, args, { stdio: 'inherit', env })
  // Ctrl-C reaches the whole process group by itself; SIGTERM is passed on.
  process.on('SIGINT', () => {})
  process.on('SIGTERM', () => child.kill('SIGTERM'))
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
}
