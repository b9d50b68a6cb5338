/**
 * A sample of the mutation fuzzer's hostile inputs (packages/api/src/fuzz) sent through the real HTTP
 * server, signed in: no 500 for any of them, and every 400 names the offending field in fieldErrors.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { appRouter } from '@ip/api';
import { hostileInputs } from '@ip/api/fuzzing';
import { DEMO_PASSWORD } from '@ip/db/seed';
import { startRig, type Rig } from './testing.js';

const PER_MUTATION = Number(process.env.FUZZ_HTTP_RUNS ?? 20);
type Proc = { _def: { meta?: { access: unknown }; type: string; inputs: z.ZodType[] } };
/** Sign-in and password changes are fuzzed through createCaller; here they would sign the sampler out. */
const mutations = (Object.entries(appRouter._def.procedures) as unknown as [string, Proc][])
  .filter(([path, p]) => p._def.type === 'mutation' && !path.startsWith('auth.'));
let rig: Rig;
const cookies: Record<'pm' | 'admin', string> = { pm: '', admin: '' };

beforeAll(async () => {
  rig = await startRig();
  for (const [who, email] of [['pm', 'pm@northmoor.gov.uk'], ['admin', 'admin@northmoor.gov.uk']] as const) {
    const res = await fetch(`${rig.url}/trpc/auth.login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: rig.url }, body: JSON.stringify({ email, password: DEMO_PASSWORD }) });
    cookies[who] = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  }
}, 120_000);
afterAll(() => rig?.close());

/** Fixed, like packages/api's fuzzing, so CI samples what ran here; FUZZ_SEED=random explores. */
const SEED = process.env.FUZZ_SEED === 'random' ? Date.now() : Number(process.env.FUZZ_SEED ?? 20261129);

describe('hostile input over real HTTP', () => {
  it(`${PER_MUTATION} hostile inputs per mutation: no 500, every 400 names its field`, async () => {
    const seen: string[] = [];
    for (const [path, proc] of mutations) {
      const access = proc._def.meta?.access as string[] | 'public';
      const who = access === 'public' || access.includes('programme_manager') ? 'pm' : 'admin';
      for (const h of fc.sample(hostileInputs(proc._def.inputs[0], { programmeId: 'programme-E09000099-1' }), { numRuns: PER_MUTATION, seed: SEED })) {
        const body = JSON.stringify(h.input ?? null);
        const res = await fetch(`${rig.url}/trpc/${path}`, { method: 'POST', headers: { 'content-type': 'application/json', origin: rig.url, cookie: cookies[who] }, body });
        const text = await res.text();
        expect(res.status, `${path} answered ${res.status}: ${text.slice(0, 300)}`).not.toBe(500);
        if (res.status === 400) {
          const fieldErrors = (JSON.parse(text) as { error: { data: { fieldErrors: Record<string, string[]> | null } } }).error.data.fieldErrors;
          expect(Object.keys(fieldErrors ?? {}).length, `${path} 400 without a field: ${text.slice(0, 300)}`).toBeGreaterThan(0);
        }
        seen.push(`${path} ${res.status}`);
      }
    }
    expect(seen.length).toBe(PER_MUTATION * mutations.length);
  }, 600_000);
});
