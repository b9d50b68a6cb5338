/** Puts Northmoor where an admin or auditor would find it mid-programme: used by the browser tests. */
import { randomUUID } from 'node:crypto';
import type { Rig } from '@ip/api-server/testing';
import { DEMO_PASSWORD, NORTHMOOR_PROGRAMME_ID } from '@ip/db/seed';
import { addDays, defaultCalendar, londonDateOf } from '@ip/domain';

export interface TSeeded {
  programmeId: string;
  interventionId: string;
  requestId: string;
}

/**
 * Northmoor's programme with an inadequate inspection received 27 working days ago, a DfE
 * intervention with its improvement notice, and an open information request due in 10 days.
 */
export async function seedNorthmoor(rig: Rig): Promise<TSeeded> {
  const { trpc } = rig.client();
  await trpc.auth.login.mutate({ email: 'pm@northmoor.gov.uk', password: DEMO_PASSWORD });
  const meta = (reason: string) => ({ clientRequestId: randomUUID(), reason });
  const calendar = defaultCalendar();
  const today = londonDateOf(Date.now());
  const reportReceivedOn = calendar.addWorkingDays(calendar.workingDayOnOrAfter(today), -27);
  const { data: programme } = await trpc.programmes.create.mutate({ onsCode: 'E09000099', ...meta('Northmoor judged inadequate') });
  if (programme.id !== NORTHMOOR_PROGRAMME_ID) throw new Error(`unexpected programme ${programme.id}`);
  await trpc.programmes.recordInspection.mutate({
    programmeId: programme.id,
    ...meta('Final report received from Ofsted'),
    inspection: {
      type: 'standard',
      fieldworkStartedOn: addDays(reportReceivedOn, -35),
      fieldworkEndedOn: addDays(reportReceivedOn, -24),
      reportReceivedOn,
      judgements: { overallEffectiveness: 'inadequate' },
    },
  });
  const { data: intervention } = await trpc.interventions.start.mutate({ onsCode: 'E09000099', programmeId: programme.id, ...meta('DfE letter: minded to intervene') });
  await trpc.interventions.recordStep.mutate({
    interventionId: intervention.id,
    ...meta('Improvement notice received from the DfE'),
    step: { type: 'improvement_notice_issued', on: addDays(reportReceivedOn, 10), adviserName: 'Dr Ruth Okafor' },
  });
  const { data: request } = await trpc.informationRequests.create.mutate({
    onsCode: 'E09000099',
    programmeId: programme.id,
    ...meta('Asked at the scrutiny committee'),
    requester: { kind: 'committee', name: 'Children’s Services Scrutiny Committee' },
    subject: 'Explain the rise in re-referrals to children’s social care since April',
    dueOn: calendar.addWorkingDays(calendar.workingDayOnOrAfter(today), 10),
  });
  return { programmeId: programme.id, interventionId: intervention.id, requestId: request.id };
}
