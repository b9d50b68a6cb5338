/**
 * The Outbox (issue 15): every email the system planned or sent — to whom, when, the SMTP server's
 * answer, each attempt — readable in full. Shown on the Outbox page (admins), on each escalation
 * and on each action's page (everyone signed in reads it). An admin resends an email that was not
 * delivered (or whose delivery is uncertain): the resend runs as a workflow, one per request id.
 */
import { TRPCError } from '@trpc/server';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { z } from 'zod';
import type { EmailDelivery, EmailDeliveryAttempt } from '@ip/db';
import { ZResendDeliveryInput } from '@ip/domain';
import { redeliverWorkflowId, TASK_QUEUE, type RedeliverWorkflowArgs } from '@ip/workflows/definitions';
import { recordAudit, snapshot } from '../audit.js';
import type { Context } from '../context.js';
import { toUserError } from '../errors.js';
import { commandKey, workflowCommand } from '../receipts.js';
import { procedure, READERS, router } from '../trpc.js';
import { orderBy, page, parseFilter, ZGetMany, ZGetOne, type TListParams } from './list-params.js';
import { ADMINS } from './people.js';
import { notFound, searchAny } from './register-support.js';
import { resourceReads } from './resource-reads.js';

export const DELIVERY_STATUSES = ['planned', 'held', 'in_digest', 'sending', 'sent', 'failed', 'uncertain', 'no_recipient', 'resolved'] as const;
/** What an admin may resend: not delivered, outcome unknown, or nobody held the role then. */
const RESENDABLE = new Set(['failed', 'uncertain', 'no_recipient']);

const SORTABLE = { id: 'createdAt', createdAt: 'createdAt', sentAt: 'sentAt', status: 'status', recipientEmail: 'recipientEmail', lastAttemptAt: 'lastAttemptAt' } as const;

const ZOutboxFilter = z
  .object({
    status: z.enum(DELIVERY_STATUSES).optional(),
    /** 'problem': not delivered, uncertain, or nobody to send to. */
    problems: z.union([z.boolean(), z.stringbool()]).optional(),
    kind: z.enum(['escalation', 'digest']).optional(),
    escalationId: z.string().max(400).optional(),
    digestId: z.string().max(400).optional(),
    subjectId: z.string().max(200).optional(),
    programmeId: z.string().max(200).optional(),
    recipientEmail: z.string().max(254).optional(),
    q: z.string().max(200).optional(),
  })
;

/** A delivery as lists show it (no bodies). */
export function toDeliveryRecord(row: EmailDelivery) {
  return {
    id: row.id,
    kind: row.kind,
    escalationId: row.escalationId,
    digestId: row.digestId,
    programmeId: row.programmeId,
    subjectKind: row.subjectKind,
    subjectId: row.subjectId,
    recipientEmail: row.recipientEmail,
    recipientName: row.recipientName,
    recipientRole: row.recipientRole,
    note: row.note,
    mode: row.mode,
    modeReason: row.modeReason,
    status: row.status,
    messageId: row.messageId,
    subject: row.subject,
    attempts: row.attempts,
    lastAttemptAt: row.lastAttemptAt?.toISOString() ?? null,
    lastError: row.lastError,
    sentAt: row.sentAt?.toISOString() ?? null,
    serverResponse: row.serverResponse,
    createdAt: row.createdAt.toISOString(),
    resendable: RESENDABLE.has(row.status),
  };
}
export type DeliveryRecord = ReturnType<typeof toDeliveryRecord>;

function toAttemptRecord(a: EmailDeliveryAttempt) {
  return { attempt: a.attempt, startedAt: a.startedAt.toISOString(), finishedAt: a.finishedAt?.toISOString() ?? null, outcome: a.outcome, response: a.response };
}

/** One delivery in full: its text and HTML parts, and every attempt. */
async function fullRecords(ctx: Context, rows: EmailDelivery[]) {
  const attempts = rows.length ? await ctx.prisma.emailDeliveryAttempt.findMany({ where: { deliveryId: { in: rows.map((r) => r.id) } }, orderBy: [{ deliveryId: 'asc' }, { attempt: 'asc' }] }) : [];
  return rows.map((r) => ({
    ...toDeliveryRecord(r),
    textBody: r.textBody,
    htmlBody: r.htmlBody,
    attemptLog: attempts.filter((a) => a.deliveryId === r.id).map(toAttemptRecord),
  }));
}
export type DeliveryDetail = Awaited<ReturnType<typeof fullRecords>>[number];

function whereOf(input: TListParams) {
  const f = parseFilter(ZOutboxFilter, input.filter);
  return {
    ...(f.status ? { status: f.status } : {}),
    ...(f.problems ? { status: { in: [...RESENDABLE] } } : {}),
    ...(f.kind ? { kind: f.kind } : {}),
    ...(f.escalationId ? { escalationId: f.escalationId } : {}),
    ...(f.digestId ? { digestId: f.digestId } : {}),
    ...(f.subjectId ? { subjectId: f.subjectId } : {}),
    ...(f.programmeId ? { programmeId: f.programmeId } : {}),
    ...(f.recipientEmail ? { recipientEmail: f.recipientEmail.trim().toLowerCase() } : {}),
    ...searchAny(['recipientEmail', 'recipientName', 'subject'] as const, f.q),
  };
}

async function list(ctx: Context, input: TListParams) {
  const where = whereOf(input);
  const [rows, total] = await Promise.all([
    ctx.prisma.emailDelivery.findMany({ where, orderBy: [orderBy(input.sort, SORTABLE, 'createdAt'), { id: 'asc' }], ...page(input.pagination) }),
    ctx.prisma.emailDelivery.count({ where }),
  ]);
  return { data: rows.map(toDeliveryRecord), total };
}

/**
 * Each escalation's emails, oldest first: escalation id → its deliveries. What `forEscalations`
 * serves, and what the business history adds under each escalation row (audit/router.ts).
 */
export async function deliveriesForEscalations(prisma: Context['prisma'], escalationIds: readonly string[]): Promise<Record<string, DeliveryRecord[]>> {
  const rows = escalationIds.length
    ? await prisma.emailDelivery.findMany({ where: { escalationId: { in: [...new Set(escalationIds)] } }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] })
    : [];
  const data: Record<string, DeliveryRecord[]> = {};
  for (const r of rows) (data[r.escalationId!] ??= []).push(toDeliveryRecord(r));
  return data;
}

const byIds = async (ctx: Context, ids: string[]) => fullRecords(ctx, await ctx.prisma.emailDelivery.findMany({ where: { id: { in: ids } } }));
const reads = resourceReads({ filter: ZOutboxFilter, noun: 'email', targets: ['escalationId', 'subjectId', 'programmeId', 'digestId'], list, byIds });

export const outboxRouter = router({
  getList: reads.getList,
  getManyReference: reads.getManyReference,
  /** One email in full: its plain-text and HTML parts, and every attempt. */
  getOne: procedure(READERS)
    .input(ZGetOne)
    .query(async ({ ctx, input }) => {
      const [data] = await byIds(ctx, [input.id]);
      if (!data) throw notFound('email', input.id);
      return { data };
    }),
  getMany: procedure(READERS)
    .input(ZGetMany)
    .query(async ({ ctx, input }) => ({ data: await byIds(ctx, input.ids) })),
  /**
   * Deliveries per escalation, for pages that list many escalations at once (the business history
   * rows, the escalations list): escalation id → its deliveries, oldest first.
   */
  forEscalations: procedure(READERS)
    .input(z.strictObject({ escalationIds: z.array(z.string().min(1).max(400)).max(500) }))
    .query(async ({ ctx, input }) => ({ data: await deliveriesForEscalations(ctx.prisma, input.escalationIds) })),
  /**
   * Admin: send again an email that was not delivered, whose delivery is uncertain, or that had
   * nobody to go to (the people now recorded are used). The workflow starts first (a Temporal
   * outage stores nothing), then the delivery is set back to planned with its audit row; a retry
   * with the same request id starts nothing new.
   */
  resend: procedure(ADMINS)
    .input(ZResendDeliveryInput)
    .mutation(({ ctx, input, path }) =>
      workflowCommand(ctx, commandKey(ctx, path, input), async ({ resumed }) => {
        const before = await ctx.prisma.emailDelivery.findUnique({ where: { id: input.deliveryId } });
        if (!before) throw notFound('email', input.deliveryId);
        if (!RESENDABLE.has(before.status)) {
          // An earlier attempt with this request id got as far as setting it back to planned.
          if (resumed) return { data: toDeliveryRecord(before) };
          throw new TRPCError({ code: 'PRECONDITION_FAILED', message: `This email is ${before.status.replace('_', ' ')}: only one not delivered, uncertain or without a recipient can be sent again` });
        }
        const args: RedeliverWorkflowArgs = { deliveryId: before.id, requestedAt: ctx.now() };
        try {
          await ctx.temporal.workflow.start('redeliverWorkflow', {
            workflowId: redeliverWorkflowId(input.clientRequestId), taskQueue: ctx.taskQueue ?? TASK_QUEUE, workflowIdReusePolicy: 'REJECT_DUPLICATE', args: [args],
          });
        } catch (err) {
          if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw toUserError(err);
        }
        const row = await ctx.prisma.$transaction(async (tx) => {
          const after = before.status === 'no_recipient'
            ? before
            : await tx.emailDelivery.update({ where: { id: before.id }, data: { status: 'planned', attempts: 0, leaseUntil: null, lastError: `Resent by ${ctx.user.name}: ${input.reason}` } });
          await recordAudit(tx, ctx.user, { entity: 'email_delivery', entityId: before.id, action: 'resend', reason: input.reason, before: snapshot(toDeliveryRecord(before)), after: snapshot(toDeliveryRecord(after)) });
          return after;
        });
        return { data: toDeliveryRecord(row) };
      }),
    ),
});
