import { TypefastError } from '@typefast/dependency-resolution'

// Every error a client's use can cause before a request is sent, one class and one code each; the
// catalogue is docs/reference/errors.md.

/** `testClient(app, { overrides })` on an app that has no `overrideDependency`. */
export class OverridesUnsupportedError extends TypefastError {
  constructor() {
    super(
      'TF_OVERRIDES_UNSUPPORTED',
      'testClient: this app cannot override dependencies (it has no overrideDependency method). Pass an app made by createApp(), or drop the overrides option.',
    )
  }
}

/** A call whose path template has a parameter the call did not give. */
export class MissingPathParamError extends TypefastError {
  constructor(template: string, name: string) {
    super(
      'TF_MISSING_PATH_PARAM',
      `${template}: missing path parameter "${name}". Give it in the call's params, as in { params: { ${name}: ... } }.`,
    )
  }
}
