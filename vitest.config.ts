import { availableParallelism } from 'node:os'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

// Both TypeScript 5.9 and 7 install a `tsc` bin: the type tests name theirs, 5.9 unless
// TYPEFAST_TSC=7 (`pnpm test:types:ts7`).
const tsc = fileURLToPath(
  new URL(`node_modules/${process.env.TYPEFAST_TSC === '7' ? 'typescript7' : 'typescript'}/bin/tsc`, import.meta.url),
)

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
      checker: tsc,
      include: ['packages/*/src/**/*.test-d.ts', 'apps/*/test/**/*.test-d.ts'],
      tsconfig: './tsconfig.json',
    },
    // Vitest's default, one worker fewer than the cores, is a single worker on a 2-core CI machine: the
    // suite then ran one file at a time, most of them waiting on child processes, sockets and timers
    // (vitest alone took 517 to 740 s in CI; with two workers, 381 s on a loaded machine).
    maxWorkers: Math.max(availableParallelism() - 1, 2),
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
})
