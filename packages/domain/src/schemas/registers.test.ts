import { describe, expect, it } from 'vitest';
import { DEMO_KPIS } from '../kpi/demo.js';
import { ZCreateKpiInput, ZUpdateKpiInput, ZProgrammeRef } from './registers.js';
import { ZCreateSavedViewInput, ZDeleteSavedViewInput } from './saved-view.js';

const meta = { clientRequestId: 'req-12345678', reason: 'Board agreed' };
const paths = (r: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) => r.error?.issues.map((i) => i.path.join('.')) ?? [];

describe('register command inputs', () => {
  const kpi = DEMO_KPIS[0]!;

  it('nest the concept’s own schema, so errors name the nested field', () => {
    expect(ZCreateKpiInput.safeParse({ ...meta, programmeId: 'p', kpi }).success).toBe(true);
    expect(paths(ZCreateKpiInput.safeParse({ ...meta, programmeId: 'p', kpi: { ...kpi, redBand: 10 } }))).toEqual(['kpi.redBand']);
    expect(paths(ZUpdateKpiInput.safeParse({ id: 'k1', data: { ...meta, kpi: { ...kpi, redBand: 10 } } }))).toEqual(['data.kpi.redBand']);
    expect(paths(ZUpdateKpiInput.safeParse({ id: '', data: { ...meta, reason: '', kpi } })).sort()).toEqual(['data.reason', 'id']);
    expect(paths(ZProgrammeRef.safeParse({ programmeId: ' ' }))).toEqual(['programmeId']);
  });
});

describe('saved view inputs', () => {
  const view = { resource: 'kpis', name: 'Red KPIs', params: { filter: { rag: 'red' } } };

  it('need a request id (delete too, like every command) but not a reason; shared defaults to false', () => {
    const parsed = ZCreateSavedViewInput.parse({ clientRequestId: 'req-12345678', view });
    expect(parsed.view.shared).toBe(false);
    expect(paths(ZCreateSavedViewInput.safeParse({ view }))).toEqual(['clientRequestId']);
    expect(ZDeleteSavedViewInput.safeParse({ id: 'v1', clientRequestId: 'req-12345678' }).success).toBe(true);
    expect(paths(ZDeleteSavedViewInput.safeParse({ id: 'v1' }))).toEqual(['clientRequestId']);
  });

  it('reject oversized settings and resource names that are not identifiers', () => {
    const big = { ...view, params: { blob: 'x'.repeat(20_001) } };
    expect(paths(ZCreateSavedViewInput.safeParse({ clientRequestId: 'req-12345678', view: big }))).toEqual(['view.params']);
    expect(paths(ZCreateSavedViewInput.safeParse({ clientRequestId: 'req-12345678', view: { ...view, resource: '../kpis' } }))).toEqual(['view.resource']);
  });
});
