// Load generator worker: run.mjs starts it once (pinned to its own core) and sends it one job per run over IPC.
// A job is {url, method, headers, body, duration, connections, pipelining}; the answer is a summary of autocannon's result.
import autocannon from 'autocannon'

process.on('message', async (job) => {
  const result = await autocannon(job)
  process.send({
    rps: result.requests.total / (result.duration || job.duration),
    p99: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
  })
})
process.on('disconnect', () => process.exit(0))
