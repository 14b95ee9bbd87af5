import { expect, test } from 'vitest'
import { TSX_MISSING, tsxCliPath } from './dev.js'

test('typefast dev finds tsx, an optional peer dependency, where it is installed', () => {
  expect(tsxCliPath()).toMatch(/tsx[\\/]dist[\\/]cli\.mjs$/)
})

test('without tsx, typefast dev says how to install it', () => {
  const missing = (id: string): string => {
    throw Object.assign(new Error(`Cannot find module '${id}'`), { code: 'MODULE_NOT_FOUND' })
  }
  expect(tsxCliPath(missing)).toBeUndefined()
  expect(TSX_MISSING).toContain('npm install --save-dev tsx')
})
