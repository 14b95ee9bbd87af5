import cluster from 'node:cluster'
import { parseCommand } from './args.js'
import { build } from './build.js'
import { runDev } from './dev.js'
import { runPrimary } from './primary.js'
import { say, serve } from './serve.js'

/**
 * The `typefast` command. `cliFile` is the script that runs this function (the dev command
 * restarts it under tsx's watch mode).
 */
export async function runCli(argv: string[], cliFile: string): Promise<void> {
  let command: ReturnType<typeof parseCommand>
  try {
    command = parseCommand(argv)
  } catch (error) {
    say((error as Error).message)
    process.exit(2)
  }
  if (command.command === 'help') {
    process.stdout.write(`${command.text}\n`)
    return
  }
  if (command.command === 'build') {
    const files = await build(command.options)
    say(`wrote ${files.join(' and ')}`)
    // the app module may hold connections open; nothing of it is needed any more
    process.exit(0)
  }
  const { options } = command
  if (command.command === 'dev') return runDev(options, cliFile)
  if (options.workers > 1 && cluster.isPrimary) return runPrimary(options)
  await serve(options, { dev: process.env.TYPEFAST_DEV === '1' })
}
