import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TRecommendationInput } from '@ip/domain';
import { failure, fieldsOf, PROGRAMME_ID, rid, startRouterTest, type RouterTest } from '../test-support.js';

let t: RouterTest;
beforeAll(async () => {
  t = await startRouterTest();
});
afterAll(() => t?.close());

const r1: TRecommendationInput = {
  ref: 'R1', judgementArea: 'help_and_protection', sourceInspectionId: 'ilacs-standard-2025-11-03',
  text: 'The timeliness and quality of the response to children at the front door.',
};
const cmd = (recommendation: TRecommendationInput, clientRequestId = rid()) => ({ programmeId: PROGRAMME_ID, clientRequestId, reason: 'From the Ofsted report', recommendation });

describe('recommendations', () => {
  let id: string;

  it('create: stores it (priorityAction defaults to false), audits it; a retry has one effect', async () => {
    const input = cmd(r1);
    const first = await t.as('programme_manager').recommendations.create(input);
    expect(await t.as('programme_manager').recommendations.create(input)).toEqual(first);
    expect(first.data).toMatchObject({ ref: 'R1', judgementArea: 'help_and_protection', priorityAction: false, programmeId: PROGRAMME_ID });
    id = first.data.id;
    expect(await t.prisma.recommendation.count()).toBe(1);
    const audit = await t.prisma.auditEvent.findMany({ where: { entity: 'recommendation', entityId: id } });
    expect(audit.map((a) => [a.action, a.reason])).toEqual([['create', 'From the Ofsted report']]);
  });

  it('validation names the field; a duplicate reference is a CONFLICT', async () => {
    const pm = t.as('programme_manager');
    const bad = await failure(pm.recommendations.create(cmd({ ...r1, ref: 'R 2', judgementArea: 'finance' as never })));
    expect(fieldsOf(bad).sort()).toEqual(['recommendation.judgementArea', 'recommendation.ref']);
    const noReason = await failure(pm.recommendations.create({ ...cmd({ ...r1, ref: 'R2' }), reason: ' ' }));
    expect(fieldsOf(noReason)).toEqual(['reason']);
    const dup = await failure(pm.recommendations.create(cmd({ ...r1, text: 'Reworded' })));
    expect(dup.code).toBe('CONFLICT');
    expect(dup.message).toBe('recommendation.ref: this programme already has a recommendation with the reference R1');
  });

  it('auditors read but cannot create or update', async () => {
    const auditor = t.as('auditor');
    expect((await auditor.recommendations.getMany({ ids: [id] })).data.map((r) => r.ref)).toEqual(['R1']);
    expect((await failure(auditor.recommendations.create(cmd({ ...r1, ref: 'R9' })))).code).toBe('FORBIDDEN');
    expect((await failure(auditor.recommendations.update({ id, data: { clientRequestId: rid(), reason: 'x-ray', recommendation: r1 } }))).code).toBe('FORBIDDEN');
  });

  it('update: corrects the wording and marks a priority action, audited with before and after', async () => {
    const updated = await t.as('programme_manager').recommendations.update({
      id, data: { clientRequestId: rid(), reason: 'Typo in the report transcription', recommendation: { ...r1, text: 'Corrected wording.', priorityAction: true } },
    });
    expect(updated.data).toMatchObject({ text: 'Corrected wording.', priorityAction: true });
    const audit = await t.prisma.auditEvent.findFirstOrThrow({ where: { entity: 'recommendation', action: 'update' } });
    expect(audit.before).toMatchObject({ text: r1.text, priorityAction: false });
    expect(audit.after).toMatchObject({ text: 'Corrected wording.', priorityAction: true });
  });

  it('reads: filters by judgement area and priority action, sorts by ref, getManyReference', async () => {
    await t.as('admin').recommendations.create(cmd({ ...r1, ref: 'R2', judgementArea: 'care_leavers', text: 'Pathway plans for care leavers.' }));
    const reader = t.as('auditor');
    expect((await reader.recommendations.getList({ sort: { field: 'ref', order: 'DESC' } })).data.map((r) => r.ref)).toEqual(['R2', 'R1']);
    expect((await reader.recommendations.getList({ filter: { judgementArea: 'care_leavers' } })).data.map((r) => r.ref)).toEqual(['R2']);
    expect((await reader.recommendations.getList({ filter: { priorityAction: 'true' } })).data.map((r) => r.ref)).toEqual(['R1']);
    expect((await reader.recommendations.getList({ filter: { q: 'pathway' } })).total).toBe(1);
    expect(fieldsOf(await failure(reader.recommendations.getList({ filter: { judgementArea: 'finance' } })))).toEqual(['filter.judgementArea']);
    expect((await reader.recommendations.getManyReference({ target: 'programmeId', id: PROGRAMME_ID })).total).toBe(2);
    expect((await reader.recommendations.getOne({ id })).data.ref).toBe('R1');
  });
});
