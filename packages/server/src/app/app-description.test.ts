import { dependency } from '@typefast/dependency-resolution'
import { get, post } from '@typefast/router'
import { flattenRoutes } from '@typefast/router/internal'
import { t } from '@typefast/validation'
import { describe, expect, it } from 'vitest'
import { describeApp } from './app-description.js'

// The description a build's fingerprint is taken of: it must change with what the build holds.
const routes = (maxLength: number, name = 'save') => {
  const user = dependency({ headers: t.Object({ authorization: t.String() }) }, function currentUser() {
    return 'user'
  })
  return flattenRoutes([
    post(
      '/items/{id}',
      { params: t.Object({ id: t.Integer() }), body: t.Object({ name: t.String({ maxLength }) }), deps: { user } },
      { [name]: () => ({}) }[name]!,
    ),
    get('/health', () => 'ok'),
  ])
}

describe('describeApp', () => {
  it('is the same for the same routes built again, and differs when a schema, a name or an option does', () => {
    const base = describeApp({ title: 'A' }, routes(5))
    expect(describeApp({ title: 'A' }, routes(5))).toEqual(base)
    expect(describeApp({ title: 'A' }, routes(6))).not.toEqual(base)
    expect(describeApp({ title: 'A' }, routes(5, 'store'))).not.toEqual(base)
    expect(describeApp({ title: 'B' }, routes(5))).not.toEqual(base)
  })

  it('holds no place of an anonymous dependency: a bundle declares it elsewhere than the build saw', () => {
    const declared = dependency(() => 'token')
    const bundled = dependency(() => 'token')
    expect(declared.name).not.toBe(bundled.name)
    const app = (token: typeof declared) => flattenRoutes([get('/me', { deps: { token } }, () => 'me')])
    expect(describeApp({ title: 'A' }, app(declared))).toEqual(describeApp({ title: 'A' }, app(bundled)))
  })

  it('writes an object met again once, so a cycle does not throw', () => {
    const looped: Record<string, unknown> = { name: 'loop' }
    looped.self = looped
    expect(describeApp({ title: 'A', webhooks: [looped as never] }, [])[0]).toContain('"self":"[seen]"')
  })
})
