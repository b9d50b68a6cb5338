/** Temporal unreachable: the audit reads answer SERVICE_UNAVAILABLE within seconds, never a 500. */
import { describe, expect, it } from 'vitest';
import { appRouter } from '../root.js';
import { createCallerFactory } from '../trpc.js';
import { createContextInner } from '../context.js';
import { failure } from '../test-support.js';
import { createTemporalClient } from '../temporal-connection.js';

const auditor = { id: 'u-aud', email: 'auditor@x.gov.uk', name: 'Auditor', role: 'auditor' as const };

describe('audit with Temporal down', () => {
  it('history, asAt and exportJson answer SERVICE_UNAVAILABLE', async () => {
    const { client: temporal, connection } = createTemporalClient('127.0.0.1:9', 'default');
    const caller = createCallerFactory(appRouter)(createContextInner({ prisma: {} as never, temporal }, { user: auditor }));
    const started = Date.now();
    for (const call of [
      () => caller.audit.history({ programmeId: 'programme-E09000099-1' }),
      () => caller.audit.asAt({ kind: 'programme', workflowId: 'programme-E09000099-1', at: '2026-06-04' }),
      () => caller.audit.exportJson({ workflowId: 'programme-E09000099-1' }),
    ]) {
      expect((await failure(call())).code).toBe('SERVICE_UNAVAILABLE');
    }
    expect(Date.now() - started).toBeLessThan(30_000);
    await connection.close().catch(() => undefined);
  });
});
