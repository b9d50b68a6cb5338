import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { programmeWorkflowId } from '@ip/workflows/definitions';
import type { TKpiDefinition } from '@ip/domain';
import { createContextInner } from '../context.js';
import { appRouter } from '../root.js';
import { failure, fieldsOf, PROGRAMME_ID, rid, startRouterTest, type RouterTest } from '../test-support.js';

let t: RouterTest;
beforeAll(async () => {
  t = await startRouterTest();
});
afterAll(() => t?.close());

const caseload: TKpiDefinition = {
  key: 'caseload_average', name: 'Average social worker caseload', unit: 'count', direction: 'lower_is_better',
  target: 16, amberBand: 16, redBand: 20, period: 'monthly', source: '000_a1136cc60a4f0ad1',
};
const meta = () => ({ clientRequestId: rid(), reason: 'Board agreed the KPI set' });
const reading = (periodEnd: string, value: number, clientRequestId = rid()) => ({
  programmeId: PROGRAMME_ID, clientRequestId, reason: 'Monthly performance report', reading: { kpiKey: 'caseload_average', periodEnd, value },
});

describe('kpis', () => {
  let kpiId: string;

  it('demo rows are keyed by the id the programme workflow gets', () => {
    expect(programmeWorkflowId('E09000099', 1)).toBe(PROGRAMME_ID);
  });

  it('create: stores the definition, audits it, and a retry with the same request id has one effect', async () => {
    const input = { ...meta(), programmeId: PROGRAMME_ID, kpi: caseload };
    const first = await t.as('programme_manager').kpis.create(input);
    const retry = await t.as('programme_manager').kpis.create(input);
    expect(retry).toEqual(first);
    expect(first.data).toMatchObject({ key: 'caseload_average', target: 16, rag: null, trend: 'flat', readingCount: 0 });
    kpiId = first.data.id;
    expect(await t.prisma.kpi.count()).toBe(1);
    const audit = await t.prisma.auditEvent.findMany({ where: { entity: 'kpi', entityId: kpiId } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'create', actorUserId: t.users.programme_manager.id, actorRole: 'programme_manager', reason: 'Board agreed the KPI set' });
    expect(audit[0]?.after).toMatchObject({ key: 'caseload_average', redBand: 20 });
  });

  it('create: validation errors name the field; a duplicate key is a CONFLICT; the programme must exist', async () => {
    const pm = t.as('programme_manager');
    const bad = await failure(pm.kpis.create({ ...meta(), programmeId: PROGRAMME_ID, kpi: { ...caseload, key: 'other', redBand: 15 } }));
    expect(bad.code).toBe('BAD_REQUEST');
    expect(fieldsOf(bad)).toEqual(['kpi.redBand']);
    const dup = await failure(pm.kpis.create({ ...meta(), programmeId: PROGRAMME_ID, kpi: caseload }));
    expect(dup.code).toBe('CONFLICT');
    expect(dup.message).toMatch(/already has a KPI with the key caseload_average/);
    const noProgramme = await failure(pm.kpis.create({ ...meta(), programmeId: 'programme-nope-1', kpi: { ...caseload, key: 'x' } }));
    expect(fieldsOf(noProgramme)).toEqual(['programmeId']);
    expect(await t.prisma.kpi.count()).toBe(1);
  });

  it('auditors read but cannot create, update or record readings', async () => {
    const auditor = t.as('auditor');
    expect((await auditor.kpis.getList({})).total).toBe(1);
    for (const call of [
      auditor.kpis.create({ ...meta(), programmeId: PROGRAMME_ID, kpi: { ...caseload, key: 'x' } }),
      auditor.kpis.update({ id: kpiId, data: { ...meta(), kpi: caseload } }),
      auditor.kpis.recordReading(reading('2026-01-31', 18)),
    ]) {
      expect((await failure(call)).code).toBe('FORBIDDEN');
    }
    expect(await t.prisma.kpiReading.count()).toBe(0);
  });

  it('recordReading: computes RAG, trend and the red streak with the domain rules', async () => {
    const pm = t.as('programme_manager');
    const jan = await pm.kpis.recordReading(reading('2026-01-31', 22));
    expect(jan.data).toMatchObject({ rag: 'red', previousRag: null, redPeriodsRunning: 1, notifyOwner: true, escalateToBoard: false, trend: 'flat', latestValue: 22 });
    const feb = await pm.kpis.recordReading(reading('2026-02-28', 23));
    expect(feb.data).toMatchObject({ rag: 'red', previousRag: 'red', redPeriodsRunning: 2, escalateToBoard: true, notifyOwner: false, trend: 'worsening', latestPeriodEnd: '2026-02-28' });
  });

  it('recordReading: a correction replaces the value, keeps one row, and the audit trail keeps the old value', async () => {
    const pm = t.as('programme_manager');
    const input = reading('2026-02-28', 18);
    const fixed = await pm.kpis.recordReading(input);
    expect(fixed.data).toMatchObject({ rag: 'amber', redPeriodsRunning: 0, escalateToBoard: false, trend: 'improving', latestValue: 18, readingCount: 2 });
    expect(await pm.kpis.recordReading(input)).toEqual(fixed); // retried: same result, no second effect
    const rows = await t.prisma.kpiReading.findMany({ where: { kpiId, periodEnd: '2026-02-28' } });
    expect(rows.map((r) => r.value)).toEqual([18]);
    const corrections = await t.prisma.auditEvent.findMany({ where: { entity: 'kpi_reading', action: 'correct_reading' } });
    expect(corrections).toHaveLength(1);
    expect(corrections[0]?.before).toMatchObject({ value: 23 });
    expect(corrections[0]?.after).toMatchObject({ value: 18 });
    expect(await t.prisma.auditEvent.count({ where: { entity: 'kpi_reading', action: 'record_reading' } })).toBe(2);
  });

  it('recordReading: an unknown KPI key or an impossible value names the field', async () => {
    const pm = t.as('programme_manager');
    const unknown = await failure(pm.kpis.recordReading({ ...reading('2026-03-31', 18), reading: { kpiKey: 'no_such_kpi', periodEnd: '2026-03-31', value: 1 } }));
    expect(fieldsOf(unknown)).toEqual(['reading.kpiKey']);
    const negative = await failure(pm.kpis.recordReading(reading('2026-03-31', -1)));
    expect(negative.code).toBe('BAD_REQUEST');
    expect(fieldsOf(negative)).toEqual(['reading.value']);
    const badDate = await failure(pm.kpis.recordReading(reading('2026-02-30', 18)));
    expect(fieldsOf(badDate)).toEqual(['reading.periodEnd']);
  });

  it('over HTTP, a check only the server can make names the field in fieldErrors, as schema errors do', async () => {
    const res = await fetchRequestHandler({
      endpoint: '/trpc',
      router: appRouter,
      req: new Request('http://localhost/trpc/kpis.recordReading', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...reading('2026-03-31', 18), reading: { kpiKey: 'no_such_kpi', periodEnd: '2026-03-31', value: 1 } }),
      }),
      createContext: () => createContextInner({ prisma: t.prisma, temporal: {} as never }, { user: t.users.programme_manager }),
    });
    const body = (await res.json()) as { error: { data: { code: string; fieldErrors: Record<string, string[]> } } };
    expect([res.status, body.error.data.code]).toEqual([400, 'BAD_REQUEST']);
    expect(body.error.data.fieldErrors).toEqual({ 'reading.kpiKey': ['This programme has no KPI with the key no_such_kpi'] });
  });

  it('update: changes the bands (RAG follows at once), audits before and after; the key is fixed once used', async () => {
    const pm = t.as('programme_manager');
    const updated = await pm.kpis.update({ id: kpiId, data: { ...meta(), kpi: { ...caseload, amberBand: 18, redBand: 21 } } });
    expect(updated.data).toMatchObject({ amberBand: 18, rag: 'green', readingCount: 2 });
    const audit = await t.prisma.auditEvent.findFirstOrThrow({ where: { entity: 'kpi', action: 'update' } });
    expect(audit.before).toMatchObject({ amberBand: 16 });
    expect(audit.after).toMatchObject({ amberBand: 18 });
    const rekey = await failure(pm.kpis.update({ id: kpiId, data: { ...meta(), kpi: { ...caseload, key: 'renamed' } } }));
    expect(fieldsOf(rekey)).toEqual(['data.kpi.key']);
    expect((await failure(pm.kpis.update({ id: 'nope', data: { ...meta(), kpi: caseload } }))).code).toBe('NOT_FOUND');
  });

  it('reads: getList filters and sorts, getManyReference by programme, getOne, getMany', async () => {
    const admin = t.as('admin');
    await admin.kpis.create({ ...meta(), programmeId: PROGRAMME_ID, kpi: { ...caseload, key: 'audits_good', name: 'Audited cases judged good', unit: 'percent', direction: 'higher_is_better', target: 80, amberBand: 80, redBand: 60, period: 'quarterly' } });
    const list = await admin.kpis.getList({ sort: { field: 'name', order: 'ASC' }, filter: { programmeId: PROGRAMME_ID } });
    expect(list.total).toBe(2);
    expect(list.data.map((k) => k.key)).toEqual(['audits_good', 'caseload_average']);
    expect((await admin.kpis.getList({ filter: { unit: 'percent' } })).data.map((k) => k.key)).toEqual(['audits_good']);
    expect((await admin.kpis.getList({ filter: { q: 'CASELOAD' } })).total).toBe(1);
    expect(fieldsOf(await failure(admin.kpis.getList({ filter: { unit: 'furlongs' } })))).toEqual(['filter.unit']);
    const ref = await admin.kpis.getManyReference({ target: 'programmeId', id: PROGRAMME_ID, sort: { field: 'key', order: 'DESC' } });
    expect(ref.data.map((k) => k.key)).toEqual(['caseload_average', 'audits_good']);
    expect((await admin.kpis.getOne({ id: kpiId })).data).toMatchObject({ rag: 'green', redPeriodsRunning: 0 });
    expect((await failure(admin.kpis.getOne({ id: 'nope' }))).code).toBe('NOT_FOUND');
    expect((await admin.kpis.getMany({ ids: [kpiId, 'nope'] })).data.map((k) => k.id)).toEqual([kpiId]);
  });

  it('reads: filters by the RAG the rules compute now (one value or several; none = no reading), paging after the filter', async () => {
    const auditor = t.as('auditor');
    const keys = async (filter: Record<string, unknown>) => (await auditor.kpis.getList({ filter, sort: { field: 'key', order: 'ASC' } })).data.map((k) => k.key);
    expect(await keys({ rag: 'green' })).toEqual(['caseload_average']);
    expect(await keys({ rag: 'none' })).toEqual(['audits_good']);
    expect(await keys({ rag: ['none', 'green'] })).toEqual(['audits_good', 'caseload_average']);
    expect(await keys({ rag: 'red' })).toEqual([]);
    const paged = await auditor.kpis.getList({ filter: { rag: ['none', 'green'] }, sort: { field: 'key', order: 'ASC' }, pagination: { page: 2, perPage: 1 } });
    expect([paged.total, paged.data.map((k) => k.key)]).toEqual([2, ['caseload_average']]);
    expect(fieldsOf(await failure(auditor.kpis.getList({ filter: { rag: 'purple' } })))).toEqual(['filter.rag']);
  });
});

describe('kpiReadings', () => {
  it('lists a KPI’s readings with each one’s RAG, by kpiId (getList and getManyReference)', async () => {
    const kpi = await t.prisma.kpi.findFirstOrThrow({ where: { key: 'caseload_average' } });
    const auditor = t.as('auditor');
    const list = await auditor.kpiReadings.getList({ filter: { kpiId: kpi.id }, sort: { field: 'periodEnd', order: 'DESC' } });
    expect(list.total).toBe(2);
    expect(list.data.map((r) => [r.periodEnd, r.value, r.rag])).toEqual([['2026-02-28', 18, 'green'], ['2026-01-31', 22, 'red']]);
    expect(list.data[0]).toMatchObject({ kpiKey: 'caseload_average', programmeId: PROGRAMME_ID, recordedBy: t.users.programme_manager.id });
    const ref = await auditor.kpiReadings.getManyReference({ target: 'kpiId', id: kpi.id, filter: { from: '2026-02-01' } });
    expect(ref.data.map((r) => r.periodEnd)).toEqual(['2026-02-28']);
    expect((await auditor.kpiReadings.getList({ filter: { programmeId: 'other' } })).total).toBe(0);
  });
});
