import { TypefastError } from '@typefast/dependency-resolution'

// Every error the `typefast` command reports for its command line or the app module, one class
// and one code each; the catalogue is docs/reference/errors.md.

/** A command the CLI does not have. */
export class UnknownCommandError extends TypefastError {
  constructor(command: string, usage: string) {
    super(
      'TF_CLI_UNKNOWN_COMMAND',
      `Unknown command '${command}'. Use typefast run, typefast dev or typefast build.\n\n${usage}`,
    )
  }
}

/** `typefast run`, `dev` or `build` without the app's module. */
export class MissingAppModuleError extends TypefastError {
  constructor(command: string) {
    super('TF_CLI_MISSING_APP_MODULE', `typefast ${command} needs the app's module, as in: typefast ${command} app.ts`)
  }
}

/** A positional argument after the app's module. */
export class UnexpectedArgumentError extends TypefastError {
  constructor(argument: string, usage: string) {
    super(
      'TF_CLI_UNEXPECTED_ARGUMENT',
      `Unexpected argument '${argument}'. Give one app module; options start with --.\n\n${usage}`,
    )
  }
}

/** A numeric option that is not a whole number at least its minimum. */
export class InvalidIntegerOptionError extends TypefastError {
  constructor(name: string, text: string, min: number) {
    super(
      'TF_CLI_INVALID_INTEGER',
      `--${name} must be an integer >= ${min}, got '${text}'. Write, for example, --${name} ${min}.`,
    )
  }
}

/** `typefast dev --workers`: the reloading server runs one process. */
export class DevWorkersError extends TypefastError {
  constructor() {
    super('TF_CLI_DEV_WORKERS', 'typefast dev runs one process; use typefast run --workers N.')
  }
}

/** An option given to a command that does not take it (`--out` is build's, `--compiled` is run's). */
export class MisplacedOptionError extends TypefastError {
  constructor(option: string, command: string, fix: string) {
    super('TF_CLI_MISPLACED_OPTION', `typefast ${command} does not take --${option}: ${fix}`)
  }
}

/** The app module named on the command line does not exist. */
export class AppModuleNotFoundError extends TypefastError {
  constructor(file: string) {
    super(
      'TF_APP_MODULE_NOT_FOUND',
      `Cannot find the app module ${file}. Check the path, relative to where typefast runs.`,
    )
  }
}

/** The app module exports no typefast app under the expected name. */
export class AppNotExportedError extends TypefastError {
  constructor(file: string, what: string, found: string) {
    super(
      'TF_APP_NOT_EXPORTED',
      `${file} has no typefast app as ${what} (it exports: ${found}). Export it (export const app = createApp(...)), or name its export after a colon: ${file}:myApp.`,
    )
  }
}
