import { demoMeta as meta, type DemoCaller } from './demo-caller.js';

/**
 * Northmoor's plan as actions, each its own workflow started through `actions.create`, so the actions
 * list, the action plan page, the dashboard's RAG summary and the escalations all show real state.
 * Due dates before today are overdue at once: their ladders catch up and fire, as they would have.
 */
const DEMO_ACTIONS = [
  { workstream: 'front-door', title: 'Management oversight recorded on every contact within 24 hours', owner: 'Helen Okafor', dueOn: '2026-04-30', refs: ['R1'], progress: [100, 'Daily oversight rota in place; audit of 40 contacts shows 95% recorded', 'green'], evidence: 'Front-door audit report, May 2026', signOff: 'signed_off' },
  { workstream: 'front-door', title: 'Screen referrals within one working day at the MASH', owner: 'Helen Okafor', dueOn: '2026-09-30', refs: ['R1'], progress: [60, 'Triage rota covers weekdays; weekend cover still agency-dependent', 'amber'] },
  { workstream: 'help-and-protection', title: 'Re-audit assessments for children on child protection plans', owner: 'Mark Ellison', dueOn: '2026-07-31', refs: ['R2'], progress: [35, 'Audit tool agreed; 12 of 60 audits done', 'red'] },
  { workstream: 'help-and-protection', title: 'Strategy discussions held with health and police present', owner: 'Mark Ellison', dueOn: '2027-02-26', refs: ['R2'] },
  { workstream: 'workforce', title: 'Bring average caseloads to 20 or fewer', owner: 'Sam Patel', dueOn: '2027-03-31', refs: ['R3'], progress: [40, 'Average caseload 22.5 in October, down from 24.1', 'amber'] },
  { workstream: 'workforce', title: 'Launch the ASYE academy with a first cohort of 12', owner: 'Sam Patel', dueOn: '2026-09-01', refs: ['R3'], progress: [100, 'First cohort of 12 started on 1 September', 'green'], evidence: 'ASYE academy cohort list (HR-2026-114)', signOff: 'requested' },
  { workstream: 'quality-assurance', title: 'Monthly practice-week audits reported to the improvement board', owner: 'Joanne Hart', dueOn: '2026-12-18', refs: ['R4'], progress: [50, 'Three practice weeks held; board report template agreed'] },
  { workstream: 'missing-and-exploitation', title: 'Offer a return home interview within 72 hours of every missing episode', owner: 'Tom Wright', dueOn: '2026-06-30', refs: ['R5'] },
  { workstream: 'care-leavers', title: 'Every care leaver has an up-to-date pathway plan written with them', owner: 'Gareth Lloyd', dueOn: '2027-01-29', refs: ['R6'], progress: [20, 'Pathway plan template co-produced with the Children in Care Council'] },
  { workstream: 'performance-and-governance', title: 'Publish a monthly performance pack to the improvement board', owner: 'Priya Shah', dueOn: '2026-05-29', refs: [] },
] as const;

export async function seedDemoActions(caller: DemoCaller, programmeId: string, signer: DemoCaller = caller): Promise<number> {
  for (const a of DEMO_ACTIONS) {
    const { data } = await caller.actions.create({
      ...meta('action from the improvement plan'), programmeId, title: a.title, workstream: a.workstream,
      owner: { name: a.owner, email: `${a.owner.toLowerCase().replace(/[^a-z]+/g, '.')}@northmoor.gov.uk` }, dueOn: a.dueOn, ofstedLinked: a.refs.length > 0, recommendationRefs: [...a.refs],
    });
    if ('progress' in a) {
      const [percentComplete, note, ragAssessment] = a.progress as readonly [number, string, ('green' | 'amber' | 'red')?];
      await caller.actions.updateProgress({ ...meta('update from the owner'), actionId: data.id, percentComplete, note, ...(ragAssessment ? { ragAssessment } : {}) });
    }
    if ('signOff' in a) {
      await caller.actions.attachEvidence({ ...meta('evidence of completion'), actionId: data.id, title: a.evidence, reference: a.evidence.replace(/.*\(|\)/g, '') });
      await caller.actions.requestSignOff({ ...meta('the owner says it is done'), actionId: data.id });
      if (a.signOff === 'signed_off') await signer.actions.signOff({ ...meta('the improvement board accepted the evidence'), actionId: data.id, outcome: 'signed_off' });
    }
  }
  return DEMO_ACTIONS.length;
}
