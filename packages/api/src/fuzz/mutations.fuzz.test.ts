/**
 * Every mutation of the appRouter, enumerated from the router (a new one is fuzzed automatically),
 * gets FUZZ_RUNS hostile inputs through createCaller on real PostgreSQL, as a programme manager (or
 * an admin where only admins may call it). The promises:
 * - never INTERNAL_SERVER_ERROR (no 500);
 * - every BAD_REQUEST names the offending field (a ZodError with a path), and when a valid input was
 *   spoiled in one field, that is the field it names;
 * - nothing is stored from a rejected request (the row count of every table is unchanged; a workflow
 *   command refused as SERVICE_UNAVAILABLE may keep only its pending receipt, see receipts.ts);
 * - no prototype is polluted;
 * - every input that succeeds is a command with one effect: sent again with the same request id it
 *   answers with the first result and stores nothing more; the same request id from another user,
 *   or with another reason, is a CONFLICT.
 * Temporal is a stand-in that is always unreachable: valid workflow commands answer
 * SERVICE_UNAVAILABLE, which the unavailable-service tests cover on their own.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROGRAMME_ID, failure } from '../test-support.js';
import { requestIdOf } from '../receipts.js';
import { hostileInputs, type HostileInput } from './arbitraries.js';
import { expectGoodRefusal, FUZZ_ONLY, FUZZ_RUNS, PASSWORD, printTally, procedures, replay, startFuzzRig, type FuzzRig, type Tally } from './harness.js';

const mutations = procedures(['mutation']);
let f: FuzzRig;
const tried: Tally = {};
const replayed: Record<string, number> = {};

beforeAll(async () => {
  f = await startFuzzRig();
}, 120_000);

afterAll(async () => {
  printTally('hostile inputs that passed every check, per mutation', tried);
  console.log(`successful commands replayed (same id: first answer; other user or input: CONFLICT): ${JSON.stringify(replayed)}`);
  await f?.close();
});

/** The same command with another reason (a different input under the same request id), if it has one. */
function withOtherReason(input: unknown): unknown {
  const copy = structuredClone(input) as { reason?: unknown; data?: { reason?: unknown } };
  if (typeof copy.reason === 'string') copy.reason = `${copy.reason} (changed)`;
  else if (typeof copy.data?.reason === 'string') copy.data.reason = `${copy.data.reason} (changed)`;
  else return null;
  return copy;
}

describe('hostile input to every mutation', () => {
  it('finds the mutations in the router', () => {
    expect(mutations.length).toBeGreaterThan(FUZZ_ONLY ? 0 : 40);
  });

  for (const [path, proc] of mutations) {
    it(`${path}: ${FUZZ_RUNS} hostile inputs, no 500, every rejection names its field, nothing stored, a success is one effect`, async () => {
      const role = f.roleFor(proc);
      const user = f.rig.users[role];
      const [ns, name] = path.split('.') as [string, string];
      const schema = proc._def.inputs[0];
      const counts = (tried[path] = { valid: 0, replaced: 0, missing: 0, extra: 0, garbage: 0 });
      let rows = await f.countRows();
      let attempt = 0;

      await fc.assert(
        fc.asyncProperty(hostileInputs(schema, { programmeId: PROGRAMME_ID, currentPassword: PASSWORD }), async (h: HostileInput) => {
          // Each sign-in attempt from an address of its own: the address limit is tested elsewhere.
          const caller = f.caller(user, `10.${(attempt >> 16) & 255}.${(attempt >> 8) & 255}.${attempt++ & 255}`);
          const before = f.queries();
          const pendingBefore = await f.countPending();
          const outcome = await caller[ns]![name]!(h.input).then((result) => ({ result }), (e: unknown) => ({ error: e }));
          if ('result' in outcome) {
            if (f.queries() !== before) rows = await f.countRows();
            const clientRequestId = requestIdOf(h.input);
            if (clientRequestId) {
              // One effect: the same request again answers the first result and stores nothing.
              expect(await caller[ns]![name]!(h.input), 'a replay answers with the first result').toEqual(outcome.result);
              expect(await f.countRows(), 'rows stored by a replay').toBe(rows);
              const asOther = await failure(f.caller(user.role === 'admin' ? f.otherAdmin : f.rig.users.admin)[ns]![name]!(h.input));
              expect([asOther.code, asOther.message]).toEqual(['CONFLICT', expect.stringMatching(/another user/)]);
              const changed = withOtherReason(h.input);
              if (changed) expect((await failure(caller[ns]![name]!(changed))).message).toMatch(/different input/);
              expect(await f.countRows(), 'rows stored by a conflicting request').toBe(rows);
              replayed[path] = (replayed[path] ?? 0) + 1;
            }
            counts[h.kind]++;
            return;
          }
          const err = expectGoodRefusal(outcome.error, h, schema);
          if (f.queries() !== before) expect(await f.countRows(), 'rows stored by a rejected request').toBe(rows);
          if (err.code !== 'SERVICE_UNAVAILABLE') expect(await f.countPending(), 'a refused command left a pending receipt').toBe(pendingBefore);
          counts[h.kind]++;
        }),
        // The report carries the failed expectation itself, not only the counterexample.
        { numRuns: FUZZ_RUNS, endOnFailure: true, includeErrorInReport: true, ...replay },
      );
    }, 600_000);
  }
});
