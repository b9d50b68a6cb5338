/**
 * One structured logger: a real worker on the Temporal dev server, given the process's pino logger,
 * writes the SDK's own lines, each workflow's and each activity's through it as JSON, with the
 * workflow's id and run id on them (Runtime.install with the @ip/logging adapter).
 */
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { Client, Connection } from '@temporalio/client';
import { bundleWorkflowCode } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createPrisma } from '@ip/db';
import { createLogger, temporalLogger } from '@ip/logging';
import { workflowsPath } from '@ip/workflows';
import { loadTestEnv } from './env.js';
import { createWorker } from './worker.js';

const env = loadTestEnv();
const prisma = createPrisma({ databaseUrl: env.DATABASE_URL });
const lines: Record<string, unknown>[] = [];
const raw: string[] = [];
const sink = new Writable({
  write(chunk: Buffer, _enc, done) {
    for (const line of chunk.toString().split('\n').filter(Boolean)) {
      raw.push(line);
      lines.push(JSON.parse(line) as Record<string, unknown>);
    }
    done();
  },
});
let code = '';
beforeAll(async () => {
  code = (await bundleWorkflowCode({ workflowsPath, logger: temporalLogger(createLogger({ level: 'silent', service: 'test' })) })).code;
});
afterAll(() => prisma.$disconnect());

describe('the worker logs through pino', () => {
  it('SDK, workflow and activity lines are JSON through the one logger, with workflowId and runId', async () => {
    const taskQueue = `logging-${randomUUID()}`;
    const logger = createLogger({ level: 'debug', service: 'worker', destination: sink });
    // No SMTP configuration: the delivery activity fails (retryably) at once, which the SDK logs.
    const { worker, connection } = await createWorker({ temporalAddress: env.TEMPORAL_ADDRESS, namespace: 'default', prisma, taskQueue, workflowBundle: { code }, logger });
    const running = worker.run();
    const clientConnection = await Connection.connect({ address: env.TEMPORAL_ADDRESS });
    const client = new Client({ connection: clientConnection, namespace: 'default' });
    const workflowId = `logging-${randomUUID()}`;
    const handle = await client.workflow.start('deliverEscalationWorkflow', { workflowId, taskQueue, args: [{ escalationId: `no-such-${randomUUID()}` }] });
    const runId = handle.firstExecutionRunId;
    try {
      const mine = () => lines.filter((l) => l.workflowId === workflowId);
      // The workflow's own logger (workflow `log`, through the Runtime's logger sink).
      const started = await vi.waitFor(() => {
        const l = mine().find((x) => x.msg === 'Workflow started');
        if (!l) throw new Error('no "Workflow started" line yet');
        return l;
      }, { timeout: 30_000, interval: 100 });
      expect(started).toMatchObject({ service: 'worker', level: 20, workflowId, runId, workflowType: 'deliverEscalationWorkflow', taskQueue, sdkComponent: 'worker' });
      // The activity's lines: its context's logger, the workflow's ids on each.
      const failed = await vi.waitFor(() => {
        const l = mine().find((x) => x.activityType === 'deliverEscalation' && x.msg === 'Activity failed');
        if (!l) throw new Error('no "Activity failed" line yet');
        return l;
      }, { timeout: 30_000, interval: 100 });
      expect(failed).toMatchObject({ service: 'worker', level: 40, workflowId, workflowRunId: runId, activityType: 'deliverEscalation', isLocal: false });
      expect((failed.err as { message: string }).message).toContain('without an SMTP configuration');
      expect(mine().some((x) => x.msg === 'Activity started' && x.workflowRunId === runId)).toBe(true);
      // Every line the worker wrote is one JSON object with a level, a time and a message.
      for (const l of lines) expect(l).toMatchObject({ level: expect.any(Number), time: expect.any(Number), msg: expect.any(String) });
      expect(raw.length).toBe(lines.length);
    } finally {
      await handle.terminate('test over').catch(() => undefined);
      worker.shutdown();
      await running;
      await connection.close();
      await clientConnection.close();
    }
  }, 120_000);
});
