import { Type } from 'typebox'
import { describe, expect, test } from 'vitest'
import { type AnyDependency, dependency } from './dependency.js'
import {
  DependencyCycleError,
  DependencyNoYieldError,
  DependencyYieldedTwiceError,
  InputConflictError,
  InvalidDependencyError,
  InvalidScopeError,
  NotADependencyError,
} from './errors.js'
import { mergeInputSchemas } from './merge-inputs.js'
import { compileDependencyPlan } from './plan.js'
import { RequestScope } from './scope.js'
import { security } from './security.js'
import { collectingScope, fakeContext } from './test-helpers.js'
import { thrown } from './testing/startup-error.js'
import type { TypefastError } from './typefast-error.js'

const label = 'GET /items'

describe('dependency errors: class, code, the route and the fix', () => {
  test('TF_INVALID_DEPENDENCY', () => {
    const error = thrown(() => dependency({}, 'nope' as never), InvalidDependencyError, 'TF_INVALID_DEPENDENCY')
    expect(error.message).toContain('got string. Pass the function')
  })

  test('TF_NOT_A_DEPENDENCY', () => {
    const error = thrown(
      () => compileDependencyPlan({ db: (() => 1) as never }, [], { label }),
      NotADependencyError,
      'TF_NOT_A_DEPENDENCY',
    )
    expect(error.message).toContain('GET /items: deps.db is not a dependency (wrap the function in dependency()')
  })

  test('TF_DEPENDENCY_CYCLE names the cycle and the edge to remove', () => {
    const deps: Record<string, AnyDependency> = {}
    const a = dependency({ deps }, () => 1, { name: 'a' })
    const b = dependency({ deps: { a } }, () => 2, { name: 'b' })
    deps.b = b
    const error = thrown(() => compileDependencyPlan({ a }, [], { label }), DependencyCycleError, 'TF_DEPENDENCY_CYCLE')
    expect((error as DependencyCycleError).cycle).toEqual(['a', 'b', 'a'])
    expect(error.message).toContain(
      "GET /items: dependency cycle: a -> b -> a. Break it: remove 'a' from the deps of 'b'",
    )
  })

  test('TF_INVALID_SCOPE', () => {
    const user = dependency(() => 1, { name: 'user' })
    const error = thrown(
      () => security(user, { scopes: ['items:read items:write'] }),
      InvalidScopeError,
      'TF_INVALID_SCOPE',
    )
    expect(error.message).toContain(
      'security(user): each scope must be a non-empty string without spaces, got "items:read items:write". Write one scope per array item',
    )
  })

  test('TF_INPUT_CONFLICT, for a parameter and for the body', () => {
    const labels = { a: 'route GET /items', b: 'pagination' }
    const limit = thrown(
      () =>
        mergeInputSchemas(
          { query: Type.Object({ limit: Type.Integer() }) },
          { query: Type.Object({ limit: Type.String() }) },
          labels,
        ),
      InputConflictError,
      'TF_INPUT_CONFLICT',
    )
    expect(limit.message).toContain(
      "query parameter 'limit' is declared differently by route GET /items and pagination. Declare it with the same schema",
    )
    const body = thrown(
      () => mergeInputSchemas({ body: Type.String() }, { body: Type.Integer() }, labels),
      InputConflictError,
      'TF_INPUT_CONFLICT',
    )
    expect(body.message).toContain('the body is declared differently by route GET /items and pagination')
  })

  test('TF_DEPENDENCY_NO_YIELD, while serving', () => {
    const broken = dependency(function* () {}, { name: 'broken' })
    const plan = compileDependencyPlan({ broken }, [], { label })
    const error = thrown(
      () => plan.run(fakeContext(), collectingScope().scope),
      DependencyNoYieldError,
      'TF_DEPENDENCY_NO_YIELD',
    )
    expect(error.message).toContain(
      "GET /items: dependency 'broken' returned without yielding a value. Yield its value once",
    )
  })

  test('TF_DEPENDENCY_YIELDED_TWICE, reported at teardown', () => {
    const reported: unknown[] = []
    const scope = new RequestScope((error) => reported.push(error))
    function* twice() {
      yield 1
      yield 2
    }
    const generator = twice()
    generator.next()
    scope.register(generator, 'twice', false)
    scope.close()
    expect(reported).toHaveLength(1)
    expect(reported[0]).toBeInstanceOf(DependencyYieldedTwiceError)
    expect((reported[0] as TypefastError).code).toBe('TF_DEPENDENCY_YIELDED_TWICE')
    expect((reported[0] as Error).message).toContain(
      "dependency 'twice' yielded more than once. Yield exactly one value",
    )
  })
})
