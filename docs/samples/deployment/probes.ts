import { createApp, HTTPException } from 'typefast'

// Stands for the app's database pool: readiness asks it, liveness does not.
export const db = {
  reachable: true,
  async ping(): Promise<boolean> {
    return this.reachable
  },
}

export const app = createApp({ title: 'Shop' })
  // Liveness: the process answers. Nothing else is checked: a database outage must not make
  // Kubernetes restart every pod.
  .get('/livez', () => ({ status: 'ok' }))
  // Readiness: this pod can serve now. 503 takes it out of the Service until it can again.
  .get('/readyz', async () => {
    if (!(await db.ping())) throw new HTTPException(503, 'database unreachable')
    return { status: 'ready' }
  })
