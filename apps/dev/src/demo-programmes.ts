import type { Client } from '@temporalio/client';
import type { PrismaClient } from '@ip/db';
import { seedDemoActions } from './demo-actions.js';
import { demoCaller, demoMeta as meta } from './demo-caller.js';
import { seedDemoPeople } from './demo-people.js';

/**
 * Demo programmes, created through the same API procedures and workflows a programme manager uses,
 * so the demo shows real workflow state rather than rows written behind the system's back. The dates
 * are in the past, so the workflows catch up at once: deadlines that passed fire their escalations.
 *
 * Northmoor (fictional, BRIEF (e)): judged inadequate, report received Monday 3 November 2025 → plan
 * due Thursday 12 February 2026 (70 working days, skipping Christmas and New Year); plan submitted
 * and accepted; ten actions across its workstreams, some done, some overdue (demo-actions.ts);
 * monitoring visits from May 2026. Eastfield: awaiting its standard inspection.
 */
export async function seedDemoProgrammes(prisma: PrismaClient, temporal: Client, opts: { taskQueue?: string } = {}): Promise<number> {
  if ((await prisma.programme.count()) > 0) return 0;
  const caller = await demoCaller(prisma, temporal, opts);

  const { data: northmoor } = await caller.programmes.create({ onsCode: 'E09000099', ...meta('Northmoor judged inadequate in the October 2025 ILACS inspection') });
  const programmeId = northmoor.id;
  // Before the back-dated inspection: its overdue steps fire at once, and their emails need people.
  await seedDemoPeople(prisma, temporal, programmeId);
  await caller.programmes.recordInspection({
    programmeId,
    ...meta('Ofsted report received'),
    inspection: {
      type: 'standard',
      fieldworkStartedOn: '2025-09-29',
      fieldworkEndedOn: '2025-10-10',
      leadInspector: 'HMI (demo)',
      reportReceivedOn: '2025-11-03',
      judgements: {
        overallEffectiveness: 'inadequate',
        impactOfLeaders: 'inadequate',
        helpAndProtection: 'inadequate',
        childrenInCare: 'requires_improvement',
        careLeavers: 'requires_improvement',
      },
    },
  });
  await caller.programmes.publishReport({ programmeId, ...meta('Report published on the council website'), publishedOn: '2025-11-20' });
  await caller.programmes.completeMilestone({ programmeId, ...meta('Internal draft to the DCS'), milestone: 'draftPlan', completedOn: '2025-12-01' });
  await caller.programmes.completeMilestone({ programmeId, ...meta('Scrutiny panel, one week late'), milestone: 'scrutiny', completedOn: '2026-01-06' });
  await caller.programmes.completeMilestone({ programmeId, ...meta('Cabinet approved the plan'), milestone: 'cabinet', completedOn: '2026-01-22' });
  await caller.programmes.completeMilestone({ programmeId, ...meta('Signed off by the DCS and lead member'), milestone: 'signOff', completedOn: '2026-02-05' });
  await caller.programmes.submitPlan({
    programmeId,
    ...meta('Plan submitted to Ofsted and the DfE'),
    submittedOn: '2026-02-10',
    approvals: [
      { body: 'dcs', on: '2026-02-05', by: 'Director of Children’s Services' },
      { body: 'cabinet', on: '2026-01-22', by: 'Cabinet' },
    ],
  });
  await caller.programmes.recordPlanResponse({ programmeId, ...meta("Ofsted's letter on the plan"), outcome: 'accepted', letterOn: '2026-03-03', comments: 'The plan addresses the recommendations.' });
  await caller.programmes.scheduleMonitoringVisit({ programmeId, ...meta('Ofsted notified the council'), number: 1, theme: 'Front door', plannedStartOn: '2026-05-12' });
  // Signed off by someone other than the programme manager who asked (separation of duties).
  await seedDemoActions(caller, programmeId, await demoCaller(prisma, temporal, { ...opts, role: 'admin' }));

  await caller.programmes.create({ onsCode: 'E08000099', ...meta('Eastfield awaiting its standard inspection') });
  return 2;
}
