import { defineConfig } from 'vitest/config'

// Workspace packages resolve to their TypeScript sources (the `@typefast/source` export
// condition), so tests never need a build step.
export default defineConfig({
  resolve: { conditions: ['@typefast/source'] },
  ssr: { resolve: { conditions: ['@typefast/source'], externalConditions: ['@typefast/source'] } },
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'apps/*/test/**/*.test.ts',
      'docs/**/*.test.ts',
      'bench/**/*.test.ts',
      'conformance/**/*.test.ts',
    ],
    typecheck: {
      enabled: true,
      include: ['packages/*/src/**/*.test-d.ts', 'apps/*/test/**/*.test-d.ts'],
      tsconfig: './tsconfig.json',
    },
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
})
