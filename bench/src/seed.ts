/**
 * Figure 6: seeding authorities × actions through the API over HTTP (programmes.create, then
 * actions.create, which returns once the worker has projected the action). Wall time, throughput
 * and every error, within a time budget (the target is < 10 minutes, so the budget is 600 s: when it
 * runs out, no new command is sent and the figure says how far it got). Also the "seed" half of figure 8 (scale-out): clients are spread over the API
 * processes round-robin.
 */
import { addDays } from '@ip/domain';
import { actionInput, insertAuthorities } from './fixtures.js';
import { retrying, runConcurrently, signedInClient, type Stack } from './stack.js';
import { summary } from './stats.js';

export async function benchSeed(stack: Stack, opts: { authorities: number; actionsPer: number; concurrency: number; budgetSeconds: number; log: (m: string) => void }) {
  const codes = await insertAuthorities(stack.prisma, opts.authorities);
  const clients = await Promise.all(stack.apiUrls.map((u) => signedInClient(u)));
  const pick = (i: number) => clients[i % clients.length]!;
  const workflows = opts.authorities * (1 + opts.actionsPer);
  opts.log(`seeding ${opts.authorities} programmes + ${opts.authorities * opts.actionsPer} actions (${workflows} workflows) at concurrency ${opts.concurrency} over ${clients.length} API process(es)...`);
  const t0 = performance.now();
  let last = t0;
  const progress = (what: string, total: number) => (done: number) => {
    if (performance.now() - last > 5000 || done === total) {
      last = performance.now();
      opts.log(`  ${what}: ${done}/${total} after ${((last - t0) / 1000).toFixed(1)} s`);
    }
  };
  const stats = { retries: 0 };
  const stopAt = t0 + opts.budgetSeconds * 1000;
  const programmeIds: string[] = [];
  const p = await runConcurrently(codes.length, opts.concurrency, async (i) => {
    const input = { onsCode: codes[i]!, clientRequestId: crypto.randomUUID(), reason: 'Bench seed: judged inadequate' };
    programmeIds[i] = (await retrying(() => pick(i).programmes.create.mutate(input), stats)).data.id;
  }, progress('programmes', codes.length), stopAt);
  const ready = programmeIds.filter(Boolean);
  const total = ready.length * opts.actionsPer;
  const a = await runConcurrently(total, opts.concurrency, (i) => {
    const input = actionInput(ready[i % ready.length]!, i, addDays('2027-01-04', i % 500));
    return retrying(() => pick(i).actions.create.mutate(input), stats);
  }, progress('actions', total), stopAt);
  const seconds = (performance.now() - t0) / 1000;
  const errors = [...p.errors, ...a.errors];
  const created = p.ms.length + a.ms.length;
  const finished = created + errors.length === workflows;
  return {
    authorities: opts.authorities, actionsPerAuthority: opts.actionsPer, workflows, concurrency: opts.concurrency,
    apiProcesses: stack.apis.length, workerProcesses: stack.workers.length,
    /** False when the time budget ran out first: then seedSeconds is the budget, not the seed's time. */
    finished, created, budgetSeconds: opts.budgetSeconds,
    seedSeconds: Math.round(seconds * 10) / 10,
    /** Commands that failed after up to 4 attempts (SERVICE_UNAVAILABLE is retried, same request id). */
    seedErrors: errors.length,
    retries: stats.retries,
    errorSamples: [...new Set(errors)].slice(0, 5),
    workflowsPerSecond: Math.round((created / seconds) * 10) / 10,
    programmeCreateMs: summary(p.ms.length ? p.ms : [0]),
    actionCreateMs: summary(a.ms.length ? a.ms : [0]),
  };
}
