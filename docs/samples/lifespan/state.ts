import { createApp, dependency, lifespan, t } from 'typefast'

class ModelRegistry {
  readonly models = new Map<string, (x: number) => number>()
  closed = false
  close() {
    this.closed = true
  }
}

// Set up before the first request, torn down on app.close(); what it yields is the app's state.
export const life = lifespan(async function* () {
  const registry = new ModelRegistry()
  registry.models.set('double', (x) => x * 2)
  yield { registry, startedAt: new Date('2025-01-01T00:00:00Z') }
  registry.close()
})

// `life.state` is a dependency typed as what was yielded.
const model = dependency({ deps: { app: life.state } }, ({ deps }) => deps.app.registry.models.get('double')!)

export const app = createApp({ lifespan: life }).get(
  '/predict/{x}',
  { params: t.Object({ x: t.Number() }), deps: { model, app: life.state } },
  function predict({ params, deps }) {
    return { result: deps.model(params.x), since: deps.app.startedAt.toISOString() }
  },
)
