import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { type RunOptions, toArgs } from './args.js'

/**
 * `typefast dev`: tsx's watch mode runs `typefast run` on the TypeScript source and restarts it
 * when an imported file changes (a restart is a graceful shutdown, so dependencies tear down).
 */
export function runDev(options: RunOptions, cliFile: string): void {
  const tsxCli = createRequire(import.meta.url).resolve('tsx/cli')
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
