import { randomUUID } from 'node:crypto';
import { appRouter, createCallerFactory, createContextInner } from '@ip/api';
import type { Client } from '@temporalio/client';
import type { PrismaClient } from '@ip/db';

/**
 * Demo programmes, created through the same API procedures and workflows a programme manager uses,
 * so the demo shows real workflow state rather than rows written behind the system's back.
 * Northmoor (fictional, BRIEF (e)): judged inadequate, report received 3 Nov 2025 → plan due
 * 12 Feb 2026 (70 working days, skipping Christmas and New Year).
 */
export async function seedDemoProgrammes(prisma: PrismaClient, temporal: Client): Promise<number> {
  if ((await prisma.programme.count()) > 0) return 0;
  const pm = await prisma.user.findFirstOrThrow({ where: { role: 'programme_manager' } });
  const caller = createCallerFactory(appRouter)(
    createContextInner({ prisma, temporal }, { user: { id: pm.id, email: pm.email, name: pm.name, role: 'programme_manager' } }),
  );
  const northmoor = await caller.programmes.create({
    onsCode: 'E09000099',
    clientRequestId: randomUUID(),
    reason: 'Demo data: Northmoor judged inadequate in the October 2025 ILACS inspection',
  });
  await caller.programmes.recordInspection({
    programmeId: northmoor.data.id,
    clientRequestId: randomUUID(),
    reason: 'Demo data: Ofsted report received',
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
  await caller.programmes.create({
    onsCode: 'E08000099',
    clientRequestId: randomUUID(),
    reason: 'Demo data: Eastfield awaiting its standard inspection',
  });
  return 2;
}
