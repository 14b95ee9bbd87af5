import { afterEach, describe, expect, it, vi } from 'vitest'
import { dependency } from './dependency.js'
import { canGenerate, identifier } from './generated-code.js'
import { compileDependencyPlan, compilePlan } from './plan.js'
import { collectingScope, fakeContext } from './test-helpers.js'

const label = 'GET /items/{item_id}'

function failingPlan() {
  const db = dependency(() => ({ name: 'db' }), { name: 'db' })
  const user = dependency(
    { deps: { db } },
    () => {
      throw new Error('no user')
    },
    { name: 'currentUser' },
  )
  return { db, user }
}

afterEach(() => {
  vi.unstubAllGlobals()
  vi.unstubAllEnvs()
  vi.restoreAllMocks()
})

describe('generated code is named after its route', () => {
  it('identifier() keeps the words of a label', () => {
    expect(identifier('GET /items/{item_id} dependencies')).toBe('GET_items_item_id_dependencies')
    expect(identifier('404 page')).toBe('_404_page')
  })

  it('the sync run: its name and sourceURL appear in a stack trace', () => {
    const { user } = failingPlan()
    const plan = compilePlan({ user }, [], { label }, 'compiled')
    expect(plan.run.name).toBe('GET_items_item_id_dependencies')
    let stack = ''
    try {
      plan.run(fakeContext(), collectingScope().scope)
    } catch (error) {
      stack = (error as Error).stack ?? ''
    }
    expect(stack).toContain(
      'at Object.GET_items_item_id_dependencies [as run] (typefast/dependencies/GET/items/{item_id}:',
    )
  })

  it('TYPEFAST_PRINT_GENERATED=1 prints each source as it is generated', () => {
    vi.stubEnv('TYPEFAST_PRINT_GENERATED', '1')
    const printed: string[] = []
    vi.spyOn(console, 'error').mockImplementation((text: string) => void printed.push(text))
    const { user } = failingPlan()
    compilePlan({ user }, [], { label }, 'compiled')
    const all = printed.join('\n')
    expect(all).toContain('// typefast/dependencies/GET/items/{item_id}')
    expect(all).toContain('return function GET_items_item_id_dependencies(c, scope) {')
    expect(all).toContain('//# sourceURL=typefast/record/GET/items/{item_id}/currentUser')
    expect(all).toContain('function GET_items_item_id_deps_of_currentUser(values)')
  })

  it('prints nothing without it', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    compilePlan({ user: failingPlan().user }, [], { label }, 'compiled')
    expect(error).not.toHaveBeenCalled()
  })
})

describe('without code generation', () => {
  it('TYPEFAST_GENERATE=0 chooses the fallback: plain functions, no sourceURL', () => {
    vi.stubEnv('TYPEFAST_GENERATE', '0')
    expect(canGenerate()).toBe(false)
    const plan = compileDependencyPlan({ user: failingPlan().user }, [], { label })
    expect(plan.run.toString()).not.toContain('sourceURL')
    expect(plan.run.toString()).toMatch(/for \(let index = 0; index < count; index\+\+\)/)
  })

  it('where new Function is refused, plans run as a loop that generates nothing', async () => {
    const refused = vi.fn(() => {
      throw new EvalError('Code generation from strings disallowed for this context')
    })
    vi.stubGlobal('Function', refused)
    expect(canGenerate()).toBe(false)
    refused.mockClear()
    const db = dependency(() => 'conn', { name: 'db' })
    const user = dependency({ deps: { db } }, ({ deps }) => `user of ${deps.db}`, { name: 'user' })
    const later = dependency({ deps: { user } }, async ({ deps }) => `${deps.user}, later`, { name: 'later' })
    const plan = compileDependencyPlan({ user, db, later }, [], { label })
    const values = await plan.run(fakeContext(), collectingScope().scope)
    expect(values).toEqual({ user: 'user of conn', db: 'conn', later: 'user of conn, later' })
    expect(refused).toHaveBeenCalledTimes(1) // the plan's probe, and nothing after it
  })
})
