/**
 * The audit trail's hash chain on real PostgreSQL: commands running concurrently chain one after
 * another; changing, deleting or slipping in a row is found, and the verifier names the first
 * broken link. Auditors can read and verify the trail; nobody can change it through the API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TWorkstream } from '@ip/domain';
import { canonicalJson } from './audit-chain.js';
import { PROGRAMME_ID, rid, startRouterTest, type RouterTest } from './test-support.js';

let t: RouterTest;
beforeAll(async () => {
  t = await startRouterTest();
});
afterAll(() => t?.close());

const workstream = (n: number): TWorkstream => ({ key: `ws-${n}`, name: `Workstream ${n}`, lead: { name: 'Helen Okafor' }, phase: 'responding', priorityNumber: n });
const verify = async () => (await t.as('auditor').auditTrail.verify()).data;
const ids = async () => (await t.prisma.auditEvent.findMany({ orderBy: { id: 'asc' }, select: { id: true } })).map((r) => r.id);

describe('canonical JSON', () => {
  it('does not depend on key order, at any depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"x":1,"y":2}]},"b":1}');
    expect(canonicalJson({ a: 1, b: undefined })).toBe('{"a":1}');
  });
});

describe('audit trail hash chain', () => {
  it('chains rows written by 12 concurrent commands, in id order, and verifies', async () => {
    await Promise.all(Array.from({ length: 12 }, (_, i) =>
      t.as('programme_manager').workstreams.create({ programmeId: PROGRAMME_ID, clientRequestId: rid(), reason: `Board minute ${i}`, workstream: workstream(i + 1) })));
    const rows = await t.prisma.auditEvent.findMany({ orderBy: { id: 'asc' } });
    expect(rows).toHaveLength(12);
    rows.forEach((r, i) => expect(r.prevHash).toBe(i === 0 ? '0'.repeat(64) : rows[i - 1]!.hash));
    expect(await verify()).toMatchObject({ ok: true, checked: 12, unchained: 0, headHash: rows[11]!.hash, firstBroken: null });
  });

  it('finds a row changed after it was written, and says which', async () => {
    const [, second] = await ids();
    const { reason } = await t.prisma.auditEvent.findUniqueOrThrow({ where: { id: second! } });
    await t.prisma.$executeRaw`UPDATE audit_event SET reason = 'Nothing to see here' WHERE id = ${second}`;
    const report = await verify();
    expect(report).toMatchObject({ ok: false, checked: 2, firstBroken: { id: second!.toString(), entity: 'workstream', action: 'create' } });
    expect(report.firstBroken?.problem).toMatch(/content no longer matches its fingerprint/);
    // Put back exactly as it was, the chain is whole again.
    await t.prisma.$executeRaw`UPDATE audit_event SET reason = ${reason} WHERE id = ${second}`;
    expect((await verify()).ok).toBe(true);
  });

  it('finds a deleted row (at the next row’s broken link) and a row slipped in without a hash', async () => {
    const all = await ids();
    const saved = await t.prisma.auditEvent.findUniqueOrThrow({ where: { id: all[5]! } });
    await t.prisma.auditEvent.delete({ where: { id: saved.id } });
    const report = await verify();
    expect(report.firstBroken).toMatchObject({ id: all[6]!.toString() });
    expect(report.firstBroken?.problem).toMatch(/deleted or inserted/);
    await t.prisma.auditEvent.create({ data: { ...saved, before: saved.before ?? undefined, after: saved.after ?? undefined } as never });
    expect((await verify()).ok).toBe(true);

    const forged = await t.prisma.auditEvent.create({ data: { entity: 'workstream', entityId: 'x', action: 'delete', reason: 'forged' } });
    const afterForgery = await verify();
    expect(afterForgery.firstBroken).toMatchObject({ id: forged.id.toString() });
    expect(afterForgery.firstBroken?.problem).toMatch(/no fingerprint but comes after fingerprints began/);
    await t.prisma.auditEvent.delete({ where: { id: forged.id } });
  });

  it('the next command chains on from the last row; auditors list the trail with names and filters', async () => {
    await t.as('admin').workstreams.create({ programmeId: PROGRAMME_ID, clientRequestId: rid(), reason: 'Added by admin', workstream: workstream(99) });
    expect(await verify()).toMatchObject({ ok: true, checked: 13 });
    const auditor = t.as('auditor');
    const list = await auditor.auditTrail.getList({ filter: { actorRole: 'admin' } });
    expect(list.total).toBe(1);
    expect(list.data[0]).toMatchObject({ actorName: 'admin', entity: 'workstream', action: 'create', reason: 'Added by admin' });
    expect((await auditor.auditTrail.getList({ filter: { q: 'board minute 3' } })).total).toBe(1);
    const one = await auditor.auditTrail.getOne({ id: list.data[0]!.id });
    expect(one.data.hash).toMatch(/^[0-9a-f]{64}$/);
  });
});
