import { z } from 'zod';
import { ZIsoDate, formatLongDate, isIsoDate } from '../calendar/index.js';
import { ZCommandMeta } from './common.js';

/** Who signs the plan off before the programme manager submits it (BRIEF (a) PLAN_SUBMITTED). */
export const ZPlanApprovalBody = z.enum(['dcs', 'lead_member', 'cabinet', 'improvement_board']);
export type TPlanApprovalBody = z.infer<typeof ZPlanApprovalBody>;

export const PLAN_APPROVAL_BODY_LABELS: Record<TPlanApprovalBody, string> = {
  dcs: 'Director of Children’s Services',
  lead_member: 'Lead member',
  cabinet: 'Cabinet',
  improvement_board: 'Improvement board',
};

export const ZPlanApproval = z.object({
  body: ZPlanApprovalBody,
  on: ZIsoDate,
  /** The person (or, for cabinet, the decision reference) recorded as signing off. */
  by: z.string().trim().min(1, 'Say who signed the plan off').max(200, 'At most 200 characters'),
});
export type TPlanApproval = z.infer<typeof ZPlanApproval>;

export const ZPlanOutcome = z.enum(['accepted', 'returned']);
export type TPlanOutcome = z.infer<typeof ZPlanOutcome>;

const comments = z.string().trim().max(4000, 'Comments must be at most 4000 characters').optional();

/** Both dates valid and `a` before `b`; invalid dates are reported by ZIsoDate itself. */
const before = (a: string, b: string) => isIsoDate(a) && isIsoDate(b) && a < b;

/** A returned plan must say why, or nobody can act on it. */
function requireCommentsIfReturned(v: { outcome: TPlanOutcome; comments?: string | undefined }, ctx: z.RefinementCtx) {
  if (v.outcome === 'returned' && !v.comments) {
    ctx.addIssue({ code: 'custom', path: ['comments'], message: 'Summarise what Ofsted asked to change when the plan is returned' });
  }
}

/**
 * Sign-offs happen between receiving the report and submitting the plan, once per body per
 * version. Shared by the plan record and the submit command so both reject the same things.
 */
function checkApprovals(
  approvals: readonly TPlanApproval[],
  bounds: { notBefore?: string | undefined; notAfter?: string | undefined },
  ctx: z.RefinementCtx,
  path: (string | number)[] = ['approvals'],
) {
  const seen = new Set<TPlanApprovalBody>();
  approvals.forEach((a, i) => {
    const label = PLAN_APPROVAL_BODY_LABELS[a.body];
    if (seen.has(a.body)) {
      ctx.addIssue({ code: 'custom', path: [...path, i, 'body'], message: `${label} sign-off is already recorded for this plan version` });
    }
    seen.add(a.body);
    if (bounds.notAfter && before(bounds.notAfter, a.on)) {
      ctx.addIssue({
        code: 'custom',
        path: [...path, i, 'on'],
        message: `${label} sign-off must be on or before the day the plan was submitted (${formatLongDate(bounds.notAfter)})`,
      });
    }
    if (bounds.notBefore && before(a.on, bounds.notBefore)) {
      ctx.addIssue({
        code: 'custom',
        path: [...path, i, 'on'],
        message: `${label} sign-off cannot be before the inspection report was received (${formatLongDate(bounds.notBefore)})`,
      });
    }
  });
}

/** Ofsted's reply to a submitted plan. */
export const ZOfstedPlanResponse = z
  .object({ outcome: ZPlanOutcome, letterOn: ZIsoDate, comments })
  .superRefine(requireCommentsIfReturned);
export type TOfstedPlanResponse = z.infer<typeof ZOfstedPlanResponse>;

/**
 * Unrefined fields of {@link ZActionPlan}, for forms that `.pick()` (zod cannot pick from a
 * refined object). Validate the whole record with ZActionPlan.
 */
export const ZActionPlanFields = z.object({
  /** 1 for the first plan; a returned plan is resubmitted as the next version. */
  version: z.number().int('Version must be a whole number').min(1, 'Version starts at 1'),
  /** Start of the statutory period: the day the council received the report (or visit letter). */
  reportReceivedOn: ZIsoDate,
  /** 70 working days after receipt (20 for a priority-action draft), from the clock configuration. */
  statutoryDueOn: ZIsoDate,
  submittedOn: ZIsoDate.optional(),
  ofstedResponse: ZOfstedPlanResponse.optional(),
  approvals: z.array(ZPlanApproval).default([]),
});

/**
 * The written statement of action (s137 EIA 2006) for one inspection, one version. Submitting late
 * is allowed (it happens, and must be recorded); dates out of order are not.
 */
export const ZActionPlan = ZActionPlanFields.superRefine((p, ctx) => {
  if (isIsoDate(p.reportReceivedOn) && isIsoDate(p.statutoryDueOn) && p.statutoryDueOn <= p.reportReceivedOn) {
    ctx.addIssue({ code: 'custom', path: ['statutoryDueOn'], message: 'The statutory due date must be after the day the report was received' });
  }
  if (p.submittedOn && before(p.submittedOn, p.reportReceivedOn)) {
    ctx.addIssue({
      code: 'custom',
      path: ['submittedOn'],
      message: `The plan cannot be submitted before the inspection report was received (${formatLongDate(p.reportReceivedOn)})`,
    });
  }
  if (p.ofstedResponse && !p.submittedOn) {
    ctx.addIssue({ code: 'custom', path: ['submittedOn'], message: 'Record when the plan was submitted before recording Ofsted’s response' });
  }
  if (p.ofstedResponse && p.submittedOn && before(p.ofstedResponse.letterOn, p.submittedOn)) {
    ctx.addIssue({
      code: 'custom',
      path: ['ofstedResponse', 'letterOn'],
      message: `Ofsted’s letter cannot be dated before the plan was submitted (${formatLongDate(p.submittedOn)})`,
    });
  }
  checkApprovals(p.approvals, { notBefore: p.reportReceivedOn, notAfter: p.submittedOn }, ctx);
});
export type TActionPlan = z.infer<typeof ZActionPlan>;
export type TActionPlanInput = z.input<typeof ZActionPlan>;

/** Phases named in the seeds (Trafford: phase 1 "Responding", phase 2 "Strengthening"). */
export const WORKSTREAM_PHASES = ['responding', 'strengthening'] as const;

/** A seed phase, or the council's own phase name. */
export const ZWorkstreamPhase = z.union([
  z.enum(WORKSTREAM_PHASES),
  z.string().trim().min(1, 'Enter a phase name').max(60, 'Phase names must be at most 60 characters'),
]);
export type TWorkstreamPhase = z.infer<typeof ZWorkstreamPhase>;

/** A workstream (or numbered priority, as on an 8-priority RAG sheet); actions roll up into it. */
export const ZWorkstream = z.object({
  key: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Use lower-case letters, digits and single hyphens, e.g. front-door')
    .max(64, 'Keep the key to at most 64 characters'),
  name: z.string().trim().min(1, 'Enter the workstream name').max(200, 'The name must be at most 200 characters'),
  lead: z.object({
    name: z.string().trim().min(1, 'Enter the workstream lead’s name').max(200),
    email: z.email('Enter a valid email address, e.g. name@council.gov.uk').optional(),
  }),
  phase: ZWorkstreamPhase,
  /** Position on the council's numbered priority list, when it has one. */
  priorityNumber: z.number().int('Priority number must be a whole number').min(1, 'Priorities are numbered from 1').max(99).optional(),
});
export type TWorkstream = z.infer<typeof ZWorkstream>;

const programmeId = z.string().min(1, 'Missing programme id');

export const ZAddWorkstreamInput = ZCommandMeta.extend({ programmeId, workstream: ZWorkstream });
export type TAddWorkstreamInput = z.infer<typeof ZAddWorkstreamInput>;

/** The programme manager submits the signed-off plan to Ofsted (and, in intervention, the DfE). */
export const ZSubmitPlanInput = ZCommandMeta.extend({
  programmeId,
  submittedOn: ZIsoDate,
  approvals: z.array(ZPlanApproval).min(1, 'Record at least one sign-off (DCS, lead member, cabinet or improvement board) before submitting'),
}).superRefine((v, ctx) => checkApprovals(v.approvals, { notAfter: v.submittedOn }, ctx));
export type TSubmitPlanInput = z.infer<typeof ZSubmitPlanInput>;

/** Record Ofsted's letter accepting or returning the plan. */
export const ZRecordPlanResponseInput = ZCommandMeta.extend({
  programmeId,
  outcome: ZPlanOutcome,
  letterOn: ZIsoDate,
  comments,
}).superRefine(requireCommentsIfReturned);
export type TRecordPlanResponseInput = z.infer<typeof ZRecordPlanResponseInput>;
