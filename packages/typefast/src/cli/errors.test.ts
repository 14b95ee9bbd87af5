import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { TypefastError } from '@typefast/dependency-resolution'
import { describe, expect, test } from 'vitest'
import { parseCommand } from './args.js'
import {
  AppModuleNotFoundError,
  AppNotExportedError,
  DevWorkersError,
  InvalidIntegerOptionError,
  MissingAppModuleError,
  UnexpectedArgumentError,
  UnknownCommandError,
} from './errors.js'
import { loadApp } from './load-app.js'

const coded = (code: string, text: string) =>
  expect.objectContaining({ code, message: expect.stringContaining(text) }) as unknown as Error

describe('CLI errors: class, code and what to write instead', () => {
  test('the command line', () => {
    expect(() => parseCommand(['serve', 'app.ts'])).toThrow(UnknownCommandError)
    expect(() => parseCommand(['serve', 'app.ts'])).toThrow(
      coded('TF_CLI_UNKNOWN_COMMAND', 'Use typefast run, typefast dev or typefast build'),
    )
    expect(() => parseCommand(['run'])).toThrow(MissingAppModuleError)
    expect(() => parseCommand(['run'])).toThrow(coded('TF_CLI_MISSING_APP_MODULE', 'typefast run app.ts'))
    expect(() => parseCommand(['run', 'a.ts', 'b.ts'])).toThrow(UnexpectedArgumentError)
    expect(() => parseCommand(['run', 'a.ts', 'b.ts'])).toThrow(coded('TF_CLI_UNEXPECTED_ARGUMENT', "'b.ts'"))
    expect(() => parseCommand(['run', 'a.ts', '--port', 'x'])).toThrow(InvalidIntegerOptionError)
    expect(() => parseCommand(['run', 'a.ts', '--port', 'x'])).toThrow(coded('TF_CLI_INVALID_INTEGER', '--port'))
    expect(() => parseCommand(['dev', 'a.ts', '--workers', '2'])).toThrow(DevWorkersError)
    expect(() => parseCommand(['dev', 'a.ts', '--workers', '2'])).toThrow(
      coded('TF_CLI_DEV_WORKERS', 'typefast run --workers N'),
    )
  })

  test('the app module', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'typefast-cli-errors-'))
    const missing = join(dir, 'missing.mjs')
    await expect(loadApp(missing)).rejects.toThrow(AppModuleNotFoundError)
    await expect(loadApp(missing)).rejects.toThrow(coded('TF_APP_MODULE_NOT_FOUND', missing))
    const empty = join(dir, 'empty.mjs')
    writeFileSync(empty, 'export const notAnApp = 1\n')
    await expect(loadApp(empty)).rejects.toThrow(AppNotExportedError)
    await expect(loadApp(empty)).rejects.toThrow(coded('TF_APP_NOT_EXPORTED', 'it exports: notAnApp'))
    await expect(loadApp(`${empty}:api`)).rejects.toThrow(coded('TF_APP_NOT_EXPORTED', "an export named 'api'"))
    expect(new DevWorkersError()).toBeInstanceOf(TypefastError)
  })
})
