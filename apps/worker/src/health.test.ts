/**
 * The worker's health endpoint against a real worker on the Temporal dev server: it says
 * "starting" before the worker exists, "polling" (200) only while it runs, "shutting down" or
 * "stopped" (503) once asked to stop, and "failed" (503) when the worker could not be created.
 */
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Worker } from '@temporalio/worker';
import { bundleWorkflowCode } from '@temporalio/worker';
import { createPrisma } from '@ip/db';
import { workflowsPath } from '@ip/workflows';
import { loadTestEnv } from './env.js';
import { healthOf, startHealthServer } from './health.js';
import { createWorker } from './worker.js';

const env = loadTestEnv();
const prisma = createPrisma({ databaseUrl: env.DATABASE_URL });
const quiet = { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error() {} };
let code = '';
beforeAll(async () => {
  code = (await bundleWorkflowCode({ workflowsPath, logger: quiet })).code;
});
afterAll(() => prisma.$disconnect());

async function probe(url: string): Promise<{ status: number; body: { health: string; state: string; error?: string } }> {
  const res = await fetch(url);
  return { status: res.status, body: (await res.json()) as { health: string; state: string; error?: string } };
}

describe('worker health endpoint', () => {
  it('reports starting, polling, then shutting down or stopped, from the real worker\'s state', async () => {
    let worker: Worker | undefined;
    const server = await startHealthServer(0, '127.0.0.1', {
      startedAt: Date.now(),
      state: () => worker?.getState() ?? 'NOT_CREATED',
      error: () => undefined,
      pollingSince: () => undefined,
    });
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/health`;
    try {
      expect(await probe(url)).toMatchObject({ status: 503, body: { health: 'starting', state: 'NOT_CREATED' } });
      const created = await createWorker({ temporalAddress: env.TEMPORAL_ADDRESS, namespace: 'default', prisma, taskQueue: `health-${randomUUID()}`, workflowBundle: { code } });
      worker = created.worker;
      expect((await probe(url)).body.health).toBe('starting'); // created, not yet running
      const running = worker.run();
      expect(await probe(url)).toMatchObject({ status: 200, body: { health: 'polling', state: 'RUNNING' } });
      worker.shutdown();
      const during = await probe(url);
      expect(during.status).toBe(503);
      expect(['shutting down', 'stopped']).toContain(during.body.health);
      await running;
      await created.connection.close();
      expect(await probe(url)).toMatchObject({ status: 503, body: { health: 'stopped', state: 'STOPPED' } });
      expect((await fetch(url.replace('/health', '/other'))).status).toBe(404);
    } finally {
      server.close();
    }
  }, 120_000);

  it('reports failed, with the reason, when the worker cannot be created (as main.ts records it)', async () => {
    let failure: string | undefined;
    await createWorker({ temporalAddress: env.TEMPORAL_ADDRESS, namespace: `no-such-namespace-${randomUUID()}`, prisma, workflowBundle: { code } })
      .catch((err: unknown) => { failure = err instanceof Error ? err.message : String(err); });
    expect(failure).toBeDefined();
    const server = await startHealthServer(0, '127.0.0.1', { startedAt: Date.now(), state: () => (failure ? 'FAILED' : 'NOT_CREATED'), error: () => failure, pollingSince: () => undefined });
    try {
      const got = await probe(`http://127.0.0.1:${(server.address() as AddressInfo).port}/health`);
      expect(got).toMatchObject({ status: 503, body: { health: 'failed', state: 'FAILED' } });
      expect(got.body.error).toContain('no-such-namespace');
    } finally {
      server.close();
    }
  });

  it('maps every SDK state to what the probe reports', () => {
    expect(['INITIALIZED', 'RUNNING', 'STOPPING', 'DRAINING', 'DRAINED', 'STOPPED', 'FAILED', 'NOT_CREATED'].map((s) => healthOf(s as never)))
      .toEqual(['starting', 'polling', 'shutting down', 'shutting down', 'shutting down', 'stopped', 'failed', 'starting']);
  });
});
