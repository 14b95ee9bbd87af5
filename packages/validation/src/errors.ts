import { TypefastError } from '@typefast/dependency-resolution'

/**
 * The app was started from a `typefast build` output that no longer matches it (a route, a
 * schema or a dependency changed since): rerun the build. Never a silent mismatch.
 */
export class StaleBuildError extends TypefastError {
  constructor(command: string, what: string) {
    super(
      'TF_STALE_BUILD',
      `The compiled build does not match the app: ${what} Rebuild it with \`${command}\`, or start the app without it.`,
    )
  }
}
