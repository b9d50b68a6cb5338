/**
 * The idempotency table over real HTTP, for a register command (risks.create: receipt in the
 * effect's transaction) and a workflow command (actions.updateProgress: an Update keyed by the
 * request id, outcome on the receipt), on real services (PostgreSQL, the Temporal dev server, a
 * real worker). Rows: the same id and input again; the same id with another input, for another
 * procedure, from another user; two and ten copies at once. Prints the table it measured.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '@ip/db/seed';
import { actionStateQuery } from '@ip/workflows/definitions';
import { startRig, type Rig } from './testing.js';

let rig: Rig;
const cookie: Record<'pm' | 'admin', string> = { pm: '', admin: '' };
const ONS = `W${String(randomInt(10_000_000, 99_999_999))}`;
let programmeId = '';
let actionId = '';
const table: string[] = [];

interface Reply { status: number; code?: string; message?: string; data?: unknown }

/** One tRPC mutation over HTTP, as a browser on the console's origin sends it. */
async function post(who: 'pm' | 'admin', path: string, input: unknown): Promise<Reply> {
  const res = await fetch(`${rig.url}/trpc/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: rig.url, cookie: cookie[who] },
    body: JSON.stringify(input),
  });
  const body = (await res.json()) as { result?: { data: { data: unknown } }; error?: { message: string; data: { code: string } } };
  return { status: res.status, code: body.error?.data.code, message: body.error?.message, data: body.result?.data.data };
}

const row = (command: string, what: string, replies: Reply[], effects: number) => {
  const statuses = [...new Set(replies.map((r) => `${r.status}${r.code ? ` ${r.code}` : ''}`))].join(', ');
  // Equal as values (PostgreSQL's jsonb may order a stored answer's keys differently from the first reply's).
  const same = replies.every((r) => isDeepStrictEqual(r.data, replies[0]!.data));
  table.push(`| ${command} | ${what} | ${statuses} | ${replies.length > 1 ? (same ? 'identical' : 'DIFFER') : (replies[0]!.message ?? 'first result')} | ${effects} |`);
};

beforeAll(async () => {
  rig = await startRig();
  await rig.prisma.localAuthority.create({ data: { onsCode: ONS, name: 'Idempotmoor Borough Council' } });
  for (const [who, email] of [['pm', 'pm@northmoor.gov.uk'], ['admin', 'admin@northmoor.gov.uk']] as const) {
    const res = await fetch(`${rig.url}/trpc/auth.login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: rig.url }, body: JSON.stringify({ email, password: DEMO_PASSWORD }) });
    cookie[who] = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  }
  programmeId = ((await post('pm', 'programmes.create', { onsCode: ONS, clientRequestId: randomUUID(), reason: 'Judged inadequate' })).data as { id: string }).id;
  actionId = ((await post('pm', 'actions.create', {
    programmeId, clientRequestId: randomUUID(), reason: 'From the recommendations', title: 'Audit the front door', owner: { name: 'Jo Bloggs' }, dueOn: '2027-06-30', ofstedLinked: true,
  })).data as { id: string }).id;
}, 180_000);

afterAll(async () => {
  console.log(['idempotency over HTTP (measured):', '| command | same request id … | HTTP | answer | new effects |', '| --- | --- | --- | --- | --- |', ...table].join('\n'));
  await rig?.close();
});

const riskInput = (clientRequestId: string, ref: string, reason = 'Raised at the improvement board') => ({
  programmeId, clientRequestId, reason,
  risk: { ref, title: `Risk ${ref}`, owner: 'Head of Workforce', threshold: 12, mitigation: 'Recruitment package', beforeMitigation: { likelihood: 5, impact: 4 }, afterMitigation: { likelihood: 2, impact: 3 } },
});
const riskEffects = async (ref: string) => {
  const rows = await rig.prisma.risk.findMany({ where: { programmeId, ref } });
  return rows.length + (await rig.prisma.auditEvent.count({ where: { entity: 'risk', entityId: { in: rows.map((r) => r.id) } } }));
};

const progressInput = (clientRequestId: string, percentComplete: number, note = 'Monthly return') => ({ actionId, clientRequestId, reason: 'Monthly return', percentComplete, note });
/** Progress updates the action's workflow accepted with this request id (its own history: the effect). */
const progressEffects = async (clientRequestId: string) => {
  const { events } = await rig.temporal.workflow.getHandle(actionId).fetchHistory();
  return (events ?? []).filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.meta?.updateId?.endsWith(`:${clientRequestId}`)).length;
};

describe('idempotency over HTTP', () => {
  it('register command (risks.create): the whole table', async () => {
    const id = randomUUID();
    const first = await post('pm', 'risks.create', riskInput(id, 'R-H1'));
    expect(first.status).toBe(200);
    const again = await post('pm', 'risks.create', riskInput(id, 'R-H1'));
    expect(again).toEqual(first);
    row('risks.create', 'and the same input', [first, again], (await riskEffects('R-H1')) / 2);

    const otherInput = await post('pm', 'risks.create', riskInput(id, 'R-H2'));
    expect([otherInput.status, otherInput.code]).toEqual([409, 'CONFLICT']);
    expect(otherInput.message).toMatch(/different input/);
    row('risks.create', 'with another input', [otherInput], await riskEffects('R-H2'));

    const otherProcedure = await post('pm', 'workstreams.create', { programmeId, clientRequestId: id, reason: 'Plan agreed', workstream: { key: 'ws-h1', name: 'Front door', lead: { name: 'Helen Okafor' }, phase: 'responding' } });
    expect([otherProcedure.status, otherProcedure.message]).toEqual([409, expect.stringMatching(/already used for risks\.create, not workstreams\.create/)]);
    row('risks.create', 'for another procedure (workstreams.create)', [otherProcedure], await rig.prisma.workstream.count({ where: { programmeId, key: 'ws-h1' } }));

    const otherUser = await post('admin', 'risks.create', riskInput(id, 'R-H1'));
    expect([otherUser.status, otherUser.message]).toEqual([409, expect.stringMatching(/another user/)]);
    row('risks.create', 'from another user', [otherUser], (await riskEffects('R-H1')) / 2 - 1);
    expect(await riskEffects('R-H1')).toBe(2); // one risk and its one audit row
  });

  for (const copies of [2, 10]) {
    it(`register command: ${copies} copies at once → one effect, the same answer`, async () => {
      const id = randomUUID();
      const ref = `R-HC${copies}`;
      const replies = await Promise.all(Array.from({ length: copies }, () => post('pm', 'risks.create', riskInput(id, ref))));
      expect(replies.map((r) => r.status)).toEqual(replies.map(() => 200));
      for (const r of replies) expect(r.data).toEqual(replies[0]!.data);
      expect(await riskEffects(ref)).toBe(2);
      row('risks.create', `${copies} copies at once`, replies, (await riskEffects(ref)) / 2);
    });
  }

  it('workflow command (actions.updateProgress): the whole table', async () => {
    const id = randomUUID();
    const first = await post('pm', 'actions.updateProgress', progressInput(id, 40));
    expect(first.status).toBe(200);
    const again = await post('pm', 'actions.updateProgress', progressInput(id, 40));
    expect(again).toEqual(first);
    row('actions.updateProgress', 'and the same input', [first, again], await progressEffects(id));

    const otherInput = await post('pm', 'actions.updateProgress', progressInput(id, 90));
    expect([otherInput.status, otherInput.message]).toEqual([409, expect.stringMatching(/different input/)]);
    row('actions.updateProgress', 'with another input', [otherInput], (await progressEffects(id)) - 1);

    const otherProcedure = await post('pm', 'actions.attachEvidence', { actionId, clientRequestId: id, reason: 'Monthly return', title: 'Audit report', url: 'https://evidence.example/audit.pdf' });
    expect([otherProcedure.status, otherProcedure.message]).toEqual([409, expect.stringMatching(/already used for actions\.updateProgress, not actions\.attachEvidence/)]);
    const evidence = (await rig.temporal.workflow.getHandle(actionId).query(actionStateQuery)).evidence.length;
    row('actions.updateProgress', 'for another procedure (actions.attachEvidence)', [otherProcedure], evidence);

    const otherUser = await post('admin', 'actions.updateProgress', progressInput(id, 40));
    expect([otherUser.status, otherUser.message]).toEqual([409, expect.stringMatching(/another user/)]);
    row('actions.updateProgress', 'from another user', [otherUser], (await progressEffects(id)) - 1);
    expect(await progressEffects(id)).toBe(1);
    const live = await rig.temporal.workflow.getHandle(actionId).query(actionStateQuery);
    expect(live.percentComplete).toBe(40);
  });

  for (const copies of [2, 10]) {
    it(`workflow command: ${copies} copies at once → one effect, the same answer`, async () => {
      const id = randomUUID();
      const replies = await Promise.all(Array.from({ length: copies }, () => post('pm', 'actions.updateProgress', progressInput(id, 50 + copies, `${copies} at once`))));
      expect(replies.map((r) => r.status)).toEqual(replies.map(() => 200));
      for (const r of replies) expect(r.data).toEqual(replies[0]!.data);
      expect(await progressEffects(id)).toBe(1);
      expect(await rig.prisma.commandReceipt.findUniqueOrThrow({ where: { clientRequestId: id } })).toMatchObject({ status: 'done', procedure: 'actions.updateProgress' });
      row('actions.updateProgress', `${copies} copies at once`, replies, await progressEffects(id));
    });
  }
});
