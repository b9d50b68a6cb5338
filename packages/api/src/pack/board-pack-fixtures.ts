/** Test fixtures for board packs: the golden full-cycle programme with its visits, and registers around it. */
import { readFileSync } from 'node:fs';
import type { PrismaClient } from '@ip/db';
import { kpiColumns } from '../routers/kpi-record.js';
import { GOLDEN_DIR, loadHistoryJson } from '../audit/golden.js';
import { MemoryHistorySource, type WorkflowHistory } from '../audit/history-source.js';

export const PROGRAMME = 'golden-programme-v2-full-cycle';
/** The golden programme and its visits, keyed by workflow id. */
export function goldenSource(): MemoryHistorySource {
  const map = new Map<string, WorkflowHistory>();
  map.set(PROGRAMME, loadHistoryJson(JSON.parse(readFileSync(`${GOLDEN_DIR}programme-v2-full-cycle.json`, 'utf8')), PROGRAMME));
  for (let n = 1; n <= 4; n++) {
    const id = `${PROGRAMME}-mv-${n}`;
    map.set(id, loadHistoryJson(JSON.parse(readFileSync(`${GOLDEN_DIR}programme-v2-full-cycle--${n}.json`, 'utf8')), id));
  }
  return new MemoryHistorySource(map);
}

/** Registers as a programme manager kept them, with the dates they were written. */
export async function seedRegisters(prisma: PrismaClient): Promise<void> {
  const d = (iso: string) => new Date(iso);
  await prisma.workstream.create({ data: { programmeId: PROGRAMME, key: 'front-door', name: 'Front door and MASH', leadName: 'Head of MASH', phase: 'delivery', priorityNumber: 1, createdAt: d('2026-12-01T09:00:00Z') } });
  // Stored as the API stores it (routers/kpi-record.ts kpiColumns): the columns and the whole definition.
  const kpi = await prisma.kpi.create({
    data: {
      programmeId: PROGRAMME, createdAt: d('2026-12-01T09:00:00Z'),
      ...kpiColumns({ key: 'timely-assessments', name: 'Assessments within 45 working days', unit: 'percent', direction: 'higher_is_better', target: 85, amberBand: 80, redBand: 70, period: 'monthly', source: 'Monthly performance report' }),
    },
  });
  await prisma.kpiReading.create({ data: { kpiId: kpi.id, periodEnd: '2027-01-31', value: 62.5, recordedBy: 'u-pm', createdAt: d('2027-02-05T09:00:00Z'), updatedAt: d('2027-02-05T09:00:00Z') } });
  await prisma.kpiReading.create({ data: { kpiId: kpi.id, periodEnd: '2027-09-30', value: 91.5, recordedBy: 'u-pm', createdAt: d('2027-10-05T09:00:00Z'), updatedAt: d('2027-10-05T09:00:00Z') } });
  // Rated 16 when first recorded; reviewed down to 9 in December 2027 (the audit row keeps the 16).
  const risk = await prisma.risk.create({
    data: { programmeId: PROGRAMME, ref: 'RSK-7', title: 'Agency social worker turnover', owner: 'Director of Children’s Services', beforeLikelihood: 5, beforeImpact: 4, afterLikelihood: 3, afterImpact: 3, beforeScore: 20, afterScore: 9, previousScore: 16, threshold: 12, mitigation: 'Recruitment campaign', createdAt: d('2026-12-01T09:00:00Z'), updatedAt: d('2027-12-01T09:00:00Z') },
  });
  await prisma.auditEvent.create({ data: { at: d('2027-12-01T09:00:00Z'), actorUserId: 'u-pm', actorRole: 'programme_manager', entity: 'risk', entityId: risk.id, action: 'update', reason: 'Quarterly review', before: { afterScore: 16, threshold: 12, title: 'Agency social worker turnover', owner: 'Director of Children’s Services', mitigation: 'Recruitment campaign' }, after: { afterScore: 9 } } });
  await prisma.escalation.create({ data: { id: 'esc-pack-1', workflowId: PROGRAMME, programmeId: PROGRAMME, subjectKind: 'programme', subjectId: PROGRAMME, subjectTitle: 'Northmoor Borough Council: action plan', ladderId: 'plan', stepId: 'due-0', kind: 'escalation', level: 'director', label: 'Action plan overdue: director', dueOn: '2027-01-08', fireAt: d('2027-01-09T00:00:00Z'), firedAt: d('2027-01-09T00:00:00Z'), acknowledgedAt: d('2027-06-01T09:00:00Z'), acknowledgedBy: 'u-pm' } });
}

