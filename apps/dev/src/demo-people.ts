import { appRouter, createCallerFactory, createContextInner } from '@ip/api';
import type { Client } from '@temporalio/client';
import type { PrismaClient } from '@ip/db';
import type { TProgrammePersonInput } from '@ip/domain';
import { demoMeta as meta } from './demo-caller.js';

/**
 * Who Northmoor's ladders email (issue 15), added through the API as the demo admin, so the audit
 * trail shows them. People outside the council have addresses in the reserved .example domain; and
 * in the embedded default every email stays on this machine anyway (apps/dev's SMTP server keeps
 * it and relays nothing). Workstream leads come from the workstream register; action owners from
 * their actions.
 */
export const DEMO_PEOPLE: readonly TProgrammePersonInput[] = [
  { role: 'programme_manager', name: 'Priya Shah', email: 'pm@northmoor.gov.uk' },
  { role: 'director', name: 'Dana Okoro', email: 'dana.okoro@northmoor.gov.uk' },
  { role: 'board_chair', name: 'Sir Chris Hale', email: 'chris.hale@northmoor-board.example' },
  { role: 'dfe_adviser', name: 'Alex Morgan', email: 'alex.morgan@dfe-adviser.example' },
  { role: 'committee_chair', name: 'Cllr Jo Bennett', email: 'jo.bennett@northmoor.gov.uk' },
  { role: 'chief_executive', name: 'Sam Whitfield', email: 'sam.whitfield@northmoor.gov.uk' },
];

export async function seedDemoPeople(prisma: PrismaClient, temporal: Client, programmeId: string): Promise<number> {
  const admin = await prisma.user.findFirstOrThrow({ where: { role: 'admin' } });
  const caller = createCallerFactory(appRouter)(
    createContextInner({ prisma, temporal }, { user: { id: admin.id, email: admin.email, name: admin.name, role: 'admin' } }),
  );
  for (const person of DEMO_PEOPLE) await caller.people.create({ ...meta('who the escalation ladders email'), programmeId, person });
  return DEMO_PEOPLE.length;
}
