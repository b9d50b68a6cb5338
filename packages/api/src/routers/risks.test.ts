import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TRisk } from '@ip/domain';
import { failure, fieldsOf, PROGRAMME_ID, rid, startRouterTest, type RouterTest } from '../test-support.js';

let t: RouterTest;
beforeAll(async () => {
  t = await startRouterTest();
});
afterAll(() => t?.close());

const at = (likelihood: number, impact: number) => ({ likelihood, impact });
const workforce: TRisk = {
  ref: 'R01', title: 'Social workers cannot be recruited or retained', owner: 'Head of Workforce',
  beforeMitigation: at(5, 4), afterMitigation: at(2, 3), threshold: 12, mitigation: 'Recruitment package',
};
const cmd = (risk: TRisk, clientRequestId = rid()) => ({ programmeId: PROGRAMME_ID, clientRequestId, reason: 'Quarterly risk review', risk });

describe('risks', () => {
  let id: string;

  it('create: scores, RAG and heat-map cells come with the record; a retry has one effect; audited', async () => {
    const input = cmd(workforce);
    const first = await t.as('programme_manager').risks.create(input);
    expect(await t.as('programme_manager').risks.create(input)).toEqual(first);
    expect(first.data).toMatchObject({
      ref: 'R01', beforeScore: 20, score: 6, rag: 'amber', beforeRag: 'red', previousScore: null,
      cell: { key: 'L2-I3', row: 2, column: 1, score: 6, rag: 'amber' },
      beforeCell: { key: 'L5-I4', score: 20 },
      escalation: { escalate: false, level: null, reasons: [] },
    });
    id = first.data.id;
    expect(await t.prisma.risk.count()).toBe(1);
    const audit = await t.prisma.auditEvent.findMany({ where: { entity: 'risk', entityId: id } });
    expect(audit.map((a) => [a.action, a.actorRole, a.reason])).toEqual([['create', 'programme_manager', 'Quarterly risk review']]);
    expect(audit[0]?.after).toMatchObject({ afterScore: 6, beforeScore: 20 });
  });

  it('validation names the field; a reference already on the register is a CONFLICT', async () => {
    const pm = t.as('programme_manager');
    const worse = await failure(pm.risks.create(cmd({ ...workforce, ref: 'R02', afterMitigation: at(5, 5) })));
    expect(worse.code).toBe('BAD_REQUEST');
    expect(fieldsOf(worse)).toEqual(['risk.afterMitigation.impact']);
    const offGrid = await failure(pm.risks.create(cmd({ ...workforce, ref: 'R02', beforeMitigation: at(6, 4) })));
    expect(fieldsOf(offGrid)).toContain('risk.beforeMitigation.likelihood');
    const dup = await failure(pm.risks.create(cmd(workforce)));
    expect(dup.code).toBe('CONFLICT');
    expect(dup.message).toBe('risk.ref: the register already has a risk with the reference R01');
  });

  it('auditors read the register but cannot create, record or update', async () => {
    const auditor = t.as('auditor');
    expect((await auditor.risks.getOne({ id })).data.ref).toBe('R01');
    for (const call of [
      auditor.risks.create(cmd({ ...workforce, ref: 'R09' })),
      auditor.risks.record(cmd(workforce)),
      auditor.risks.update({ id, data: { clientRequestId: rid(), reason: 'x-ray', risk: workforce } }),
    ]) {
      expect((await failure(call)).code).toBe('FORBIDDEN');
    }
    expect(await t.prisma.auditEvent.count({ where: { actorRole: 'auditor' } })).toBe(0);
  });

  it('record: re-scores by reference; rising goes to the owner, over threshold twice running to the board', async () => {
    const pm = t.as('programme_manager');
    const rising = await pm.risks.record(cmd({ ...workforce, afterMitigation: at(3, 3) }));
    expect(rising.data).toMatchObject({ id, score: 9, previousScore: 6, escalation: { escalate: true, level: 'owner', reasons: ['rising'] } });
    const over = await pm.risks.record(cmd({ ...workforce, afterMitigation: at(4, 4) }));
    expect(over.data).toMatchObject({ score: 16, rag: 'red', escalation: { level: 'owner', reasons: ['at_or_above_threshold', 'rising'] } });
    // Editing the wording is not a new review: the risk still reads as having risen.
    const reworded = await pm.risks.record(cmd({ ...workforce, title: 'Recruitment and retention', afterMitigation: at(4, 4) }));
    expect(reworded.data).toMatchObject({ title: 'Recruitment and retention', previousScore: 9 });
    const again = await pm.risks.record(cmd({ ...workforce, beforeMitigation: at(5, 5), afterMitigation: at(4, 5) }));
    expect(again.data).toMatchObject({ score: 20, previousScore: 16, escalation: { level: 'improvement_board' } });
    expect(await t.prisma.risk.count()).toBe(1);
    expect(await t.prisma.auditEvent.count({ where: { entity: 'risk', action: 'update' } })).toBe(4);
  });

  it('record: a new reference adds a risk', async () => {
    const added = await t.as('admin').risks.record(cmd({ ...workforce, ref: 'R02', title: 'Front door systems', beforeMitigation: at(4, 5), afterMitigation: at(3, 4) }));
    expect(added.data).toMatchObject({ ref: 'R02', score: 12, escalation: { level: 'owner', reasons: ['at_or_above_threshold'] } });
    expect(await t.prisma.auditEvent.count({ where: { entity: 'risk', entityId: added.data.id, action: 'create' } })).toBe(1);
  });

  it('update: by id (react-admin edit), audits before and after; a clashing reference is a CONFLICT', async () => {
    const pm = t.as('programme_manager');
    const updated = await pm.risks.update({ id, data: { clientRequestId: rid(), reason: 'Board lowered the residual risk', risk: { ...workforce, afterMitigation: at(2, 2) } } });
    expect(updated.data).toMatchObject({ score: 4, rag: 'green', previousScore: 20 });
    const audit = await t.prisma.auditEvent.findFirstOrThrow({ where: { entity: 'risk', entityId: id, reason: 'Board lowered the residual risk' } });
    expect(audit.before).toMatchObject({ afterScore: 20 });
    expect(audit.after).toMatchObject({ afterScore: 4 });
    const clash = await failure(pm.risks.update({ id, data: { clientRequestId: rid(), reason: 'Renumber', risk: { ...workforce, ref: 'R02' } } }));
    expect(clash.code).toBe('CONFLICT');
    expect(fieldsOf(await failure(pm.risks.update({ id, data: { clientRequestId: 'short', reason: 'Renumber', risk: workforce } })))).toEqual(['data.clientRequestId']);
    expect((await failure(pm.risks.update({ id: 'nope', data: { clientRequestId: rid(), reason: 'x-ray', risk: workforce } }))).code).toBe('NOT_FOUND');
  });

  it('heatMap: 5×5 grids before and after mitigation, each risk in its cell', async () => {
    const { data } = await t.as('auditor').risks.heatMap({ programmeId: PROGRAMME_ID });
    expect(data.riskCount).toBe(2);
    for (const grid of [data.before, data.after]) {
      expect(grid).toHaveLength(5);
      for (const row of grid) expect(row).toHaveLength(5);
    }
    const refsAt = (grid: typeof data.after, key: string) => grid.flat().find((c) => c.key === key)?.refs;
    expect(refsAt(data.before, 'L5-I4')).toEqual(['R01']);
    expect(refsAt(data.before, 'L4-I5')).toEqual(['R02']);
    expect(refsAt(data.after, 'L2-I2')).toEqual(['R01']);
    expect(refsAt(data.after, 'L3-I4')).toEqual(['R02']);
    expect(data.after.flat().reduce((n, c) => n + c.refs.length, 0)).toBe(2);
    expect(fieldsOf(await failure(t.as('auditor').risks.heatMap({ programmeId: '' })))).toEqual(['programmeId']);
  });

  it('reads: sort by residual score, filter by text and owner, getManyReference, getMany', async () => {
    const reader = t.as('auditor');
    const byScore = await reader.risks.getList({ sort: { field: 'score', order: 'DESC' }, filter: { programmeId: PROGRAMME_ID } });
    expect(byScore.data.map((r) => [r.ref, r.score])).toEqual([['R02', 12], ['R01', 4]]);
    expect((await reader.risks.getList({ filter: { q: 'front door' } })).data.map((r) => r.ref)).toEqual(['R02']);
    expect((await reader.risks.getList({ filter: { owner: 'Head of Workforce' } })).total).toBe(2);
    const ref = await reader.risks.getManyReference({ target: 'programmeId', id: PROGRAMME_ID });
    expect(ref.data.map((r) => r.ref)).toEqual(['R01', 'R02']);
    expect((await reader.risks.getMany({ ids: [id] })).data.map((r) => r.ref)).toEqual(['R01']);
  });
});
