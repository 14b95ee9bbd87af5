import { describe, expect, expectTypeOf, it } from 'vitest'
import { type AnyDependency, type DepsSpec, dependency } from './dependency.js'
import { compileDependencyPlan, compilePlan } from './plan.js'
import { SecurityScopes, security, securityRequirements, securityScopes } from './security.js'
import { collectingScope, fakeContext, STRATEGIES } from './test-helpers.js'

const label = 'GET /x'
const oauth2 = dependency(() => 'the token', {
  name: 'oauth2',
  securityScheme: {
    name: 'OAuth2PasswordBearer',
    definition: { type: 'oauth2', flows: { password: { scopes: {}, tokenUrl: 'token' } } },
  },
})

describe.each(STRATEGIES)('security scopes on the %s sync path', (strategy) => {
  const run = (named: DepsSpec, shared: AnyDependency[] = [], overrides?: Map<AnyDependency, AnyDependency>) =>
    compilePlan(named, shared, { label, overrides }, strategy).run(fakeContext(), collectingScope().scope) as Record<
      string,
      unknown
    >

  it("accumulates scopes down the graph, outermost first, as FastAPI's OAuth2 scopes tutorial shows", () => {
    const currentUser = dependency({ deps: { securityScopes, token: oauth2 } }, ({ deps }) => ({
      token: deps.token,
      scopes: deps.securityScopes.scopes,
      scopeStr: deps.securityScopes.scopeStr,
    }))
    const activeUser = dependency(
      { deps: { user: security(currentUser, { scopes: ['me'] }) } },
      ({ deps }) => deps.user,
    )
    const values = run({ user: security(activeUser, { scopes: ['items'] }) })
    expect(values).toEqual({ user: { token: 'the token', scopes: ['items', 'me'], scopeStr: 'items me' } })
  })

  it('gives an empty SecurityScopes where no scopes were asked for', () => {
    const values = run({ scopes: securityScopes })
    expect(values.scopes).toBeInstanceOf(SecurityScopes)
    expect(values.scopes).toEqual(new SecurityScopes([]))
    expect((values.scopes as SecurityScopes).scopeStr).toBe('')
  })

  it('lists each scope once, keeping the first place it was asked', () => {
    const inner = dependency({ deps: { securityScopes } }, ({ deps }) => deps.securityScopes.scopes)
    const outer = dependency({ deps: { v: security(inner, { scopes: ['b', 'a', 'c'] }) } }, ({ deps }) => deps.v)
    expect(run({ v: security(outer, { scopes: ['a', 'b'] }) })).toEqual({ v: ['a', 'b', 'c'] })
  })

  it('resolves a scope-sensitive dependency once per distinct scope set, any other once per request', () => {
    let users = 0
    let dbs = 0
    const db = dependency(() => ++dbs, { name: 'db' })
    const user = dependency({ deps: { securityScopes, db } }, ({ deps }) => {
      users++
      return deps.securityScopes.scopes.join(',')
    })
    const values = run({
      read: security(user, { scopes: ['read'] }),
      readAgain: security(user, { scopes: ['read'] }),
      write: security(user, { scopes: ['write'] }),
      plain: user,
      db,
    })
    expect(values).toEqual({ read: 'read', readAgain: 'read', write: 'write', plain: '', db: 1 })
    expect(users).toBe(3)
    expect(dbs).toBe(1)
  })

  it('keys the cache by the set of scopes, not their order', () => {
    let calls = 0
    const user = dependency({ deps: { securityScopes } }, ({ deps }) => {
      calls++
      return deps.securityScopes.scopes
    })
    const values = run({ ab: security(user, { scopes: ['a', 'b'] }), ba: security(user, { scopes: ['b', 'a'] }) })
    expect(calls).toBe(1)
    expect(values.ab).toBe(values.ba)
  })

  it('applies overrides to the dependency a security() wrapper stands for', () => {
    const user = dependency(() => 'real', { name: 'user' })
    const fake = dependency(() => 'fake', { name: 'fake' })
    expect(run({ user: security(user, { scopes: ['me'] }) }, [], new Map([[user, fake]]))).toEqual({ user: 'fake' })
  })

  it('reports a cycle through a security() wrapper', () => {
    const deps: DepsSpec = {}
    const a = dependency({ deps }, () => 1, { name: 'a' })
    deps.self = security(a, { scopes: ['x'] })
    expect(() => compilePlan({ a }, [], { label }, strategy)).toThrow(/dependency cycle: a -> a/)
  })
})

describe('security()', () => {
  it('keeps the type of the dependency it wraps', () => {
    const user = dependency(() => ({ name: 'alice' }))
    const wrapped = security(user, { scopes: ['me'] })
    expectTypeOf(wrapped).toEqualTypeOf(user)
    expect(wrapped).not.toBe(user)
    expect(wrapped.name).toBe(user.name)
  })

  it('rejects a scope that is empty or holds a space', () => {
    const user = dependency(() => 1, { name: 'user' })
    expect(() => security(user, { scopes: ['a b'] })).toThrow(/without spaces/)
    expect(() => security(user, { scopes: [''] })).toThrow(/non-empty/)
  })

  it('is also accepted in shared (router and app level) dependencies', () => {
    const seen: string[][] = []
    const check = dependency({ deps: { securityScopes } }, ({ deps }) => {
      seen.push([...deps.securityScopes.scopes])
    })
    compileDependencyPlan({}, [security(check, { scopes: ['admin'] })], { label }).run(
      fakeContext(),
      collectingScope().scope,
    )
    expect(seen).toEqual([['admin']])
  })
})

describe('securityRequirements', () => {
  it('lists each scheme reached with the scopes accumulated on the way, each requirement once', () => {
    const user = dependency({ deps: { token: oauth2 } }, ({ deps }) => deps.token)
    const active = dependency({ deps: { user: security(user, { scopes: ['me'] }) } }, ({ deps }) => deps.user)
    const requirements = securityRequirements({
      a: security(active, { scopes: ['items'] }),
      b: security(active, { scopes: ['items'] }),
      c: user,
    })
    expect(requirements.map((r) => [r.scheme.name, r.scopes])).toEqual([
      ['OAuth2PasswordBearer', ['items', 'me']],
      ['OAuth2PasswordBearer', []],
    ])
  })

  it('includes the schemes of shared dependencies first, and ignores everything else', () => {
    const basic = dependency(() => 'x', {
      securityScheme: { name: 'HTTPBasic', definition: { type: 'http', scheme: 'basic' } },
    })
    const plain = dependency(() => 1)
    const requirements = securityRequirements({ plain, token: oauth2 }, [basic])
    expect(requirements.map((r) => r.scheme.name)).toEqual(['HTTPBasic', 'OAuth2PasswordBearer'])
    expect(securityRequirements({ plain })).toEqual([])
    expect(securityRequirements(undefined)).toEqual([])
  })

  it('stops at a cycle instead of looping (the plan reports it)', () => {
    const deps: DepsSpec = {}
    const a = dependency({ deps }, () => 1, { name: 'a' })
    deps.self = a
    deps.token = oauth2
    expect(securityRequirements({ a }).map((r) => r.scheme.name)).toEqual(['OAuth2PasswordBearer'])
  })
})
