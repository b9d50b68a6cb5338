/**
 * The worker's health endpoint: what the worker is really doing, for Kubernetes' probes and the
 * cluster suite. 200 only while it polls its task queue; 503 while it starts, drains or after it
 * stopped or failed, so a probe fails exactly when the worker is not serving (a probe that runs
 * `node -e process.exit(0)` passes whatever the worker does).
 */
import { createServer, type Server } from 'node:http';
import type { State } from '@temporalio/worker';

export type WorkerHealth = 'starting' | 'polling' | 'shutting down' | 'stopped' | 'failed';

/** The SDK's worker states in the words the probe reports. */
export function healthOf(state: State | 'NOT_CREATED'): WorkerHealth {
  switch (state) {
    case 'RUNNING':
      return 'polling';
    case 'STOPPING':
    case 'DRAINING':
    case 'DRAINED':
      return 'shutting down';
    case 'STOPPED':
      return 'stopped';
    case 'FAILED':
      return 'failed';
    default:
      return 'starting';
  }
}

export interface HealthSource {
  /** The worker's state now ('NOT_CREATED' before Worker.create has returned). */
  state(): State | 'NOT_CREATED';
  /** Why the worker failed, once it has. */
  error(): string | undefined;
  /** Seconds since the process started, and since the worker started polling. */
  startedAt: number;
  pollingSince(): number | undefined;
}

/** Serves GET /health (JSON: health, state, uptime); anything else is 404. */
export function startHealthServer(port: number, host: string, source: HealthSource): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || req.url?.split('?')[0] !== '/health') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    const state = source.state();
    const health = healthOf(state);
    const since = source.pollingSince();
    const body = {
      health,
      state,
      uptimeSeconds: Math.round((Date.now() - source.startedAt) / 1000),
      ...(since !== undefined ? { pollingSeconds: Math.round((Date.now() - since) / 1000) } : {}),
      ...(source.error() ? { error: source.error() } : {}),
    };
    res.writeHead(health === 'polling' ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(body));
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => ok(server));
  });
}
