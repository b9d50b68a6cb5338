/**
 * Demo registers for Northmoor (fictional, BRIEF (e)): the seed KPIs and readings (BRIEF (d)), a 5×5
 * risk register, 9 workstreams in the "responding"/"strengthening" phases (seed 002), and the
 * inspection's recommendations.
 *
 * Rows are keyed by the programme id the dev launcher's workflow will have; registers have no
 * foreign key to the programme, so this runs before the workflow projects the programme row.
 * Create-only: a re-run never overwrites what a user has since edited in the console.
 */
import {
  DEMO_KPI_READINGS,
  DEMO_KPIS,
  riskScore,
  ZKpiDefinition,
  ZRecommendation,
  ZRisk,
  ZWorkstream,
  type TRecommendationInput,
  type TRisk,
  type TWorkstream,
} from '@ip/domain';
import type { PrismaClient } from './generated/prisma/client.js';

/** `programmeWorkflowId('E09000099', 1)`: Northmoor's first programme, started by the dev launcher. */
export const NORTHMOOR_PROGRAMME_ID = 'programme-E09000099-1';

/** The Ofsted inspection whose report (received 3 Nov 2025) made the demo recommendations. */
export const NORTHMOOR_INSPECTION_ID = 'ilacs-standard-2025-11-03';

/** Who recorded the demo readings (a system actor, not a user). */
const SEED_ACTOR = 'system:seed';

const lead = (name: string) => ({ name, email: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@northmoor.gov.uk` });

export const DEMO_WORKSTREAMS: readonly TWorkstream[] = [
  { key: 'front-door', name: 'Front door and MASH', lead: lead('Helen Okafor'), phase: 'responding', priorityNumber: 1 },
  { key: 'help-and-protection', name: 'Help and protection practice (CIN/CP)', lead: lead('Mark Ellison'), phase: 'responding', priorityNumber: 2 },
  { key: 'workforce', name: 'Workforce: recruitment, retention and caseloads', lead: lead('Sam Patel'), phase: 'responding', priorityNumber: 3 },
  { key: 'quality-assurance', name: 'Quality assurance and audit', lead: lead('Joanne Hart'), phase: 'responding', priorityNumber: 4 },
  { key: 'missing-and-exploitation', name: 'Missing children, return home interviews and exploitation', lead: lead('Tom Wright'), phase: 'responding', priorityNumber: 5 },
  { key: 'children-in-care', name: 'Children in care and permanence', lead: lead('Aisha Rahman'), phase: 'strengthening', priorityNumber: 6 },
  { key: 'care-leavers', name: 'Care leavers', lead: lead('Gareth Lloyd'), phase: 'strengthening', priorityNumber: 7 },
  { key: 'partnerships-and-early-help', name: 'Partnerships and early help', lead: lead('Nadia Kowalski'), phase: 'strengthening', priorityNumber: 8 },
  { key: 'performance-and-governance', name: 'Performance information, leadership and governance', lead: lead('Priya Shah'), phase: 'strengthening', priorityNumber: 9 },
];

const at = (likelihood: number, impact: number) => ({ likelihood, impact });

/** Six risks on a 5×5 register; two post-mitigation scores sit at or over their threshold. */
export const DEMO_RISKS: readonly TRisk[] = [
  { ref: 'R01', title: 'Social workers cannot be recruited or retained, so caseloads stay above the maximum of 20', owner: 'Sam Patel, Head of Workforce', beforeMitigation: at(5, 4), afterMitigation: at(4, 4), threshold: 12, mitigation: 'Recruitment and retention package; ASYE academy; agency conversion scheme.' },
  { ref: 'R02', title: 'Front-door systems are not fit for purpose and referrals are not screened in time', owner: 'Helen Okafor, Head of MASH', beforeMitigation: at(4, 5), afterMitigation: at(3, 4), threshold: 12, mitigation: 'Interim triage rota; case management system changes; peer partner review of the front door.' },
  { ref: 'R03', title: 'The improvement plan is not signed off in time for the statutory deadline (12 Feb 2026)', owner: 'Priya Shah, Programme Manager', beforeMitigation: at(3, 5), afterMitigation: at(2, 4), threshold: 12, mitigation: 'Back-scheduled milestones: scrutiny, cabinet and DCS sign-off booked.' },
  { ref: 'R04', title: 'Agency staffing costs overspend the children’s services budget', owner: 'Finance Business Partner', beforeMitigation: at(4, 3), afterMitigation: at(3, 3), threshold: 15, mitigation: 'Monthly agency spend review at the improvement board.' },
  { ref: 'R05', title: 'Health partners do not attend strategy discussions', owner: 'Mark Ellison, Head of Safeguarding', beforeMitigation: at(3, 4), afterMitigation: at(2, 3), threshold: 12, mitigation: 'Escalation protocol agreed with the ICB designated nurse.' },
  { ref: 'R06', title: 'Return home interviews are not held within 72 hours of a child returning', owner: 'Tom Wright, Exploitation Lead', beforeMitigation: at(4, 4), afterMitigation: at(3, 3), threshold: 12, mitigation: 'Independent provider commissioned; daily missing-episode tracker.' },
];

const rec = (ref: string, judgementArea: TRecommendationInput['judgementArea'], text: string): TRecommendationInput => ({
  ref, judgementArea, text, sourceInspectionId: NORTHMOOR_INSPECTION_ID,
});

export const DEMO_RECOMMENDATIONS: readonly TRecommendationInput[] = [
  rec('R1', 'help_and_protection', 'The timeliness and quality of the response to children at the front door, including management oversight of contacts and referrals.'),
  rec('R2', 'help_and_protection', 'The quality of assessments and plans for children in need of help and protection, so that risks are understood and reduced.'),
  rec('R3', 'impact_of_leaders', 'The stability of the workforce, so that caseloads are manageable and children keep the same social worker.'),
  rec('R4', 'impact_of_leaders', 'The accuracy of quality assurance and performance information, so that leaders know the quality of frontline practice.'),
  rec('R5', 'children_in_care', 'The offer and timeliness of return home interviews for children who go missing, and the use of what they say to reduce risk.'),
  rec('R6', 'care_leavers', 'Pathway plans for care leavers that are up to date and written with young people.'),
];

/** Counts of what {@link seedDemoRegisters} ensured exists. */
export interface RegisterSeedResult {
  kpis: number;
  kpiReadings: number;
  risks: number;
  workstreams: number;
  recommendations: number;
}

/** Creates the demo registers for Northmoor where missing. Validates them with the API's schemas first. */
export async function seedDemoRegisters(prisma: PrismaClient, programmeId = NORTHMOOR_PROGRAMME_ID): Promise<RegisterSeedResult> {
  for (const raw of DEMO_KPIS) {
    const kpi = ZKpiDefinition.parse(raw);
    const { key, name, unit, direction, target, amberBand, redBand, period } = kpi;
    const row = await prisma.kpi.upsert({
      where: { programmeId_key: { programmeId, key } },
      create: { programmeId, key, name, unit, direction, target, amberBand, redBand, period, definition: kpi },
      update: {},
    });
    for (const r of DEMO_KPI_READINGS.filter((x) => x.kpiKey === key)) {
      await prisma.kpiReading.upsert({
        where: { kpiId_periodEnd: { kpiId: row.id, periodEnd: r.periodEnd } },
        create: { kpiId: row.id, periodEnd: r.periodEnd, value: r.value, note: r.note ?? null, recordedBy: SEED_ACTOR },
        update: {},
      });
    }
  }
  for (const raw of DEMO_RISKS) {
    const r = ZRisk.parse(raw);
    const { beforeMitigation: b, afterMitigation: a } = r;
    await prisma.risk.upsert({
      where: { programmeId_ref: { programmeId, ref: r.ref } },
      create: {
        programmeId, ref: r.ref, title: r.title, owner: r.owner, threshold: r.threshold, mitigation: r.mitigation ?? null,
        beforeLikelihood: b.likelihood, beforeImpact: b.impact, afterLikelihood: a.likelihood, afterImpact: a.impact,
        beforeScore: riskScore(b.likelihood, b.impact), afterScore: riskScore(a.likelihood, a.impact),
      },
      update: {},
    });
  }
  for (const raw of DEMO_WORKSTREAMS) {
    const w = ZWorkstream.parse(raw);
    await prisma.workstream.upsert({
      where: { programmeId_key: { programmeId, key: w.key } },
      create: { programmeId, key: w.key, name: w.name, leadName: w.lead.name, leadEmail: w.lead.email ?? null, phase: w.phase, priorityNumber: w.priorityNumber ?? null },
      update: {},
    });
  }
  for (const raw of DEMO_RECOMMENDATIONS) {
    const r = ZRecommendation.parse(raw);
    await prisma.recommendation.upsert({
      where: { programmeId_ref: { programmeId, ref: r.ref } },
      create: { programmeId, ...r },
      update: {},
    });
  }
  return {
    kpis: DEMO_KPIS.length,
    kpiReadings: DEMO_KPI_READINGS.length,
    risks: DEMO_RISKS.length,
    workstreams: DEMO_WORKSTREAMS.length,
    recommendations: DEMO_RECOMMENDATIONS.length,
  };
}
