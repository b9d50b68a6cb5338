/**
 * Every query and subscription of the appRouter, enumerated from the router, gets FUZZ_QUERY_RUNS
 * hostile inputs through createCaller on real PostgreSQL (as an auditor where readers may call it,
 * else as an admin), with the mutations' promises: no 500, every BAD_REQUEST names its field (the
 * spoiled one when one was spoiled), no prototype polluted, and, since reading changes nothing,
 * nothing stored by any of them, accepted or not. Subscriptions are checked up to the point where
 * they would start streaming (their input is parsed when they are called).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROGRAMME_ID } from '../test-support.js';
import { hostileInputs, type HostileInput } from './arbitraries.js';
import { expectGoodRefusal, FUZZ_ONLY, FUZZ_QUERY_RUNS, printTally, procedures, replay, startFuzzRig, type FuzzRig, type Tally } from './harness.js';

const reads = procedures(['query', 'subscription']);
let f: FuzzRig;
const tried: Tally = {};

beforeAll(async () => {
  f = await startFuzzRig();
}, 120_000);

afterAll(async () => {
  printTally('hostile inputs that passed every check, per query or subscription', tried);
  await f?.close();
});

describe('hostile input to every query and subscription', () => {
  it('finds the queries in the router', () => {
    expect(reads.length).toBeGreaterThan(FUZZ_ONLY ? 0 : 60);
  });

  for (const [path, proc] of reads) {
    it(`${path}: ${FUZZ_QUERY_RUNS} hostile inputs, no 500, every rejection names its field, nothing stored`, async () => {
      const caller = f.caller(f.rig.users[f.roleFor(proc)]);
      const [ns, name] = path.split('.') as [string, string];
      const schema = proc._def.inputs[0];
      const counts = (tried[path] = { valid: 0, replaced: 0, missing: 0, extra: 0, garbage: 0 });
      const rows = await f.countRows();

      await fc.assert(
        fc.asyncProperty(hostileInputs(schema, { programmeId: PROGRAMME_ID }), async (h: HostileInput) => {
          const before = f.queries();
          const outcome = await caller[ns]![name]!(h.input).then((result) => ({ result }), (e: unknown) => ({ error: e }));
          if ('result' in outcome) {
            // A subscription answers with its stream; leave it unstarted.
            const stream = outcome.result as AsyncIterable<unknown> | null;
            if (proc._def.type === 'subscription' && stream && Symbol.asyncIterator in stream) await stream[Symbol.asyncIterator]().return?.();
          } else {
            expectGoodRefusal(outcome.error, h, schema);
          }
          if (f.queries() !== before) expect(await f.countRows(), 'rows stored by a read').toBe(rows);
          counts[h.kind]++;
        }),
        { numRuns: FUZZ_QUERY_RUNS, endOnFailure: true, includeErrorInReport: true, ...replay },
      );
    }, 600_000);
  }
});
