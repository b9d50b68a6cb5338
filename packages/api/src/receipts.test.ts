/**
 * Request ids on real PostgreSQL, for register commands (receipt in the effect's transaction):
 * the idempotency table (same id and input / other input / other procedure / other user),
 * concurrent copies (×2, ×10: one effect, one answer), and, generated from the router, that every
 * command takes a request id and every read takes a strict input.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { TRole } from '@ip/domain';
import { appRouter } from './root.js';
import type { Meta } from './trpc.js';
import { fingerprintOf } from './receipts.js';
import { failure, fieldsOf, PROGRAMME_ID, rid, startRouterTest, type RouterTest } from './test-support.js';

let t: RouterTest;
beforeAll(async () => {
  t = await startRouterTest();
}, 120_000);
afterAll(() => t?.close());

const risk = (ref: string) => ({
  ref, title: `Risk ${ref}`, owner: 'Head of Workforce', threshold: 12, mitigation: 'Recruitment package',
  beforeMitigation: { likelihood: 5, impact: 4 }, afterMitigation: { likelihood: 2, impact: 3 },
});
const createRisk = (clientRequestId: string, ref: string, reason = 'Raised at the improvement board') =>
  ({ programmeId: PROGRAMME_ID, clientRequestId, reason, risk: risk(ref) });

async function effects(ref: string) {
  const rows = await t.prisma.risk.findMany({ where: { programmeId: PROGRAMME_ID, ref } });
  const audits = await t.prisma.auditEvent.count({ where: { entity: 'risk', entityId: { in: rows.map((r) => r.id) } } });
  return { rows: rows.length, audits };
}

describe('request ids: register commands', () => {
  it('the idempotency table: same id and input → first result; other input, procedure or user → CONFLICT saying which', async () => {
    const id = rid();
    const first = await t.as('programme_manager').risks.create(createRisk(id, 'R-T1'));
    const again = await t.as('programme_manager').risks.create(createRisk(id, 'R-T1'));
    expect(again).toEqual(first);
    expect(await effects('R-T1')).toEqual({ rows: 1, audits: 1 });

    const otherInput = await failure(t.as('programme_manager').risks.create(createRisk(id, 'R-T2')));
    expect([otherInput.code, otherInput.message]).toEqual(['CONFLICT', expect.stringMatching(/different input/)]);
    const otherProcedure = await failure(t.as('programme_manager').workstreams.create({
      programmeId: PROGRAMME_ID, clientRequestId: id, reason: 'Raised at the improvement board',
      workstream: { key: 'ws-t1', name: 'Front door', lead: { name: 'Helen Okafor' }, phase: 'responding' },
    }));
    expect([otherProcedure.code, otherProcedure.message]).toEqual(['CONFLICT', expect.stringMatching(/already used for risks\.create, not workstreams\.create/)]);
    const otherUser = await failure(t.as('admin').risks.create(createRisk(id, 'R-T1')));
    expect([otherUser.code, otherUser.message]).toEqual(['CONFLICT', expect.stringMatching(/another user/)]);
    expect(await effects('R-T2')).toEqual({ rows: 0, audits: 0 });
    expect(await t.prisma.workstream.count({ where: { key: 'ws-t1' } })).toBe(0);
    expect(await t.prisma.commandReceipt.count({ where: { clientRequestId: id } })).toBe(1);
  });

  for (const copies of [2, 10]) {
    it(`${copies} copies at once: one effect, one receipt, the same answer for every copy`, async () => {
      const id = rid();
      const ref = `R-C${copies}`;
      const answers = await Promise.all(Array.from({ length: copies }, () => t.as('programme_manager').risks.create(createRisk(id, ref))));
      for (const a of answers) expect(a).toEqual(answers[0]);
      expect(await effects(ref)).toEqual({ rows: 1, audits: 1 });
      expect(await t.prisma.commandReceipt.count({ where: { clientRequestId: id } })).toBe(1);
    });
  }

  it('users.update sent four times writes one audit row (it used to ignore its request id)', async () => {
    const user = await t.prisma.user.create({ data: { email: `four-${rid()}@northmoor.gov.uk`, name: 'Four Times', role: 'programme_manager', passwordHash: 'x' } });
    const input = { id: user.id, data: { clientRequestId: rid(), reason: 'Name corrected', name: 'Four Times Once' } };
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await t.as('admin').users.update(input));
    for (const a of answers) expect(a).toEqual(answers[0]);
    expect(await t.prisma.auditEvent.count({ where: { entity: 'user', entityId: user.id, action: 'update' } })).toBe(1);
  });

  it('a refused command leaves no receipt: corrected, it may be sent again with the same id', async () => {
    const id = rid();
    const refused = await failure(t.as('programme_manager').risks.create({ ...createRisk(id, 'R-NOPE'), programmeId: 'no-such-programme' }));
    expect(refused.code).toBe('BAD_REQUEST');
    expect(await t.prisma.commandReceipt.count({ where: { clientRequestId: id } })).toBe(0);
    await t.as('programme_manager').risks.create(createRisk(id, 'R-NOPE'));
    expect(await effects('R-NOPE')).toEqual({ rows: 1, audits: 1 });
  });

  it('fingerprints ignore key order and the request id, and leave passwords out', () => {
    expect(fingerprintOf({ a: 1, b: { c: 2, d: 3 }, clientRequestId: 'x' })).toBe(fingerprintOf({ b: { d: 3, c: 2 }, a: 1, clientRequestId: 'y' }));
    expect(fingerprintOf({ a: 1 })).not.toBe(fingerprintOf({ a: 2 }));
    expect(fingerprintOf({ email: 'e', password: 'one' })).toBe(fingerprintOf({ email: 'e', password: 'two' }));
  });
});

type Proc = { _def: { meta?: Meta; type: string; inputs: z.ZodType[] } };
const all = Object.entries(appRouter._def.procedures) as unknown as [string, Proc][];
type Json = { type?: string; properties?: Record<string, Json>; required?: string[]; additionalProperties?: unknown; anyOf?: Json[]; allOf?: Json[] };
const jsonOf = (s: z.ZodType | undefined): Json | null => (s ? (z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' }) as Json) : null);

/** Sign-in and sign-out are not commands: a session is made or ended, and a repeat harms nothing. */
const NOT_COMMANDS = new Set(['auth.login', 'auth.logout']);
/** Reads allowed to strip unknown keys rather than refuse them: none now (audit and live were the last). */
const NOT_YET_STRICT = new Set<string>([]);

describe('every procedure, from the router', () => {
  it('every command (every mutation but sign-in and sign-out) requires a clientRequestId', () => {
    const missing = all
      .filter(([path, p]) => p._def.type === 'mutation' && !NOT_COMMANDS.has(path))
      .filter(([, p]) => {
        const json = jsonOf(p._def.inputs[0]);
        const top = json?.required?.includes('clientRequestId');
        const inData = json?.required?.includes('data') && json.properties?.data?.required?.includes('clientRequestId');
        return !(top || inData);
      })
      .map(([path]) => path);
    expect(missing).toEqual([]);
  });

  it('every read (query or subscription) takes a strict input: unknown keys are refused by name, list filters included', () => {
    const loose: string[] = [];
    for (const [path, p] of all) {
      if (p._def.type === 'mutation' || NOT_YET_STRICT.has(path)) continue;
      const json = jsonOf(p._def.inputs[0]);
      if (!json) continue; // takes no input
      if (json.type === 'object' && json.additionalProperties !== false) loose.push(path);
      const filter = json.properties?.filter;
      if (filter && filter.additionalProperties !== false) loose.push(`${path} (filter)`);
    }
    expect(loose).toEqual([]);
    expect([...NOT_YET_STRICT].every((p) => all.some(([path]) => path === p)), 'an exemption names a procedure that no longer exists').toBe(true);
  });

  it('a wrongly typed or unknown list filter is a BAD_REQUEST naming it (it used to be a 500 on some lists)', async () => {
    const as = (role: TRole) => t.as(role) as unknown as Record<string, Record<string, (i: unknown) => Promise<unknown>>>;
    for (const ns of ['programmes', 'authorities', 'users', 'kpis', 'risks', 'actions', 'monitoringVisits', 'escalations', 'auditTrail']) {
      const wrong = await failure(as('admin')[ns]!.getList!({ filter: { q: { $ne: 1 } } }));
      expect([ns, wrong.code, fieldsOf(wrong)]).toEqual([ns, 'BAD_REQUEST', ['filter.q']]);
      const unknown = await failure(as('admin')[ns]!.getList!({ filter: { colour: 'red' } }));
      expect([ns, unknown.code, fieldsOf(unknown)]).toEqual([ns, 'BAD_REQUEST', ['filter.colour']]);
    }
  });
});
