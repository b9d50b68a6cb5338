/**
 * What the routers driving actions, monitoring visits, interventions and information requests share:
 * start a workflow once per client request, send an Update keyed by the request id, wait for the
 * first projection, and word Temporal's errors for the record at hand.
 */
import { createHash } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, type UpdateDefinition } from '@temporalio/client';
import type { TActor } from '@ip/domain';
import { TASK_QUEUE } from '@ip/workflows/definitions';
import type { Context, SessionUser } from '../context.js';
import { checkStopped, isStoppedStatus } from '@ip/activities';
import { fieldError, toUserError, type WorkflowWording } from '../errors.js';
import { commandKey, workflowCommand } from '../receipts.js';
import type { CommandCall } from './register-support.js';

export type SignedInContext = Context & { user: SessionUser };

/** Who is acting, as every workflow command records it. */
export function actorOf(user: SessionUser): TActor {
  return { userId: user.id, role: user.role, name: user.name };
}

/**
 * A workflow-id key derived from a create command's client request id: a retried create addresses
 * the same workflow. Hashed, so ids have one length and one alphabet whatever the client sent.
 */
export function requestKey(clientRequestId: string): string {
  return createHash('sha256').update(clientRequestId).digest('hex').slice(0, 16);
}

/** The Update id of a command: one effect per (Update, client request id), however often it is sent. */
export function updateIdOf(update: { name: string }, clientRequestId: string): string {
  return `${update.name}:${clientRequestId}`;
}

/**
 * Starts a workflow unless one with this id already exists (running or finished): a retry of the
 * same create is the same effect, and a finished workflow's id is never reused for a new one. The
 * client request id goes into the workflow's memo, so a workflow found already there is told apart:
 * 'started' when this command (an earlier attempt of it, or a concurrent copy) started it, and
 * 'existing' when something else did (waitForProjection words that as a CONFLICT).
 */
export async function startOnce(
  ctx: Context,
  workflowType: string,
  workflowId: string,
  args: unknown,
  wording: WorkflowWording,
  clientRequestId: string,
): Promise<'started' | 'existing'> {
  try {
    await ctx.temporal.workflow.start(workflowType, {
      workflowId,
      taskQueue: ctx.taskQueue ?? TASK_QUEUE,
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      args: [args],
      memo: { clientRequestId },
    });
    return 'started';
  } catch (err) {
    if (err instanceof WorkflowExecutionAlreadyStartedError) return (await startedByRequest(ctx, workflowId, clientRequestId)) ? 'started' : 'existing';
    throw toUserError(err, wording);
  }
}

/** Whether the workflow `id` was started by the command with this request id (its memo says so). */
export async function startedByRequest(ctx: Context, id: string, clientRequestId: string): Promise<boolean> {
  const described = await ctx.temporal.workflow.getHandle(id).describe().catch(() => null);
  return described?.memo?.clientRequestId === clientRequestId;
}

/**
 * Sends one command as a workflow Update whose id is derived from the request id, so however often it
 * is sent it has one effect (Temporal answers a repeated Update id with the first one's outcome). A
 * rejection comes back as PRECONDITION_FAILED with its reason. `resumed`: an earlier attempt of this
 * very command may have got through (its receipt is still pending); if the workflow has finished
 * since, its history says whether that Update was accepted, and then this is a success.
 */
export async function sendUpdate<A>(
  ctx: Context,
  workflowId: string,
  update: UpdateDefinition<unknown, [A], string>,
  clientRequestId: string,
  arg: A,
  wording: WorkflowWording,
  { resumed = false }: { resumed?: boolean } = {},
): Promise<void> {
  const updateId = updateIdOf(update, clientRequestId);
  const handle = ctx.temporal.workflow.getHandle(workflowId);
  // The reply is not used: the caller reads the command's result from PostgreSQL.
  const send = () => handle.executeUpdate(update, { updateId, args: [arg] });
  try {
    await send();
  } catch (err) {
    if (!(err instanceof WorkflowNotFoundError)) throw toUserError(err, wording);
    if (resumed && (await updateAccepted(ctx, workflowId, updateId))) return;
    // The run it reached has closed ("already completed"), or closed before accepting it ("update not
    // found"). Continued as new meanwhile: send it to the new run, which also knows the Update ids
    // the runs before it applied (the machine runner carries them), so it still has one effect.
    const described = await handle.describe().catch(() => null);
    if (described?.status.name === 'RUNNING') {
      try {
        await send();
        return;
      } catch (retryErr) {
        throw toUserError(retryErr, wording);
      }
    }
    // Stopped without finishing: say so, with Temporal's reason, and mark its row for the console.
    const reason = described && isStoppedStatus(described.status.name) ? await checkStopped(ctx.prisma, ctx.temporal, workflowId).catch(() => null) : null;
    if (reason) {
      throw new TRPCError({ code: 'PRECONDITION_FAILED', message: `This record's workflow has stopped (${reason}); nothing can be recorded against it until an admin restarts it`, cause: err });
    }
    throw toUserError(err, wording);
  }
}

/** Whether the workflow's (latest run's) history holds an accepted Update with this id. */
async function updateAccepted(ctx: Context, workflowId: string, updateId: string): Promise<boolean> {
  const history = await ctx.temporal.workflow.getHandle(workflowId).fetchHistory().catch(() => null);
  return !!history?.events?.some((e) => e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.meta?.updateId === updateId);
}

/**
 * A workflow command sent as one Update, once per request id (receipts.ts: claim, Update, outcome on
 * the receipt). `read` answers from PostgreSQL after the Update, never from the Update's reply.
 */
export function updateCommand<A, T>(
  ctx: SignedInContext,
  call: CommandCall,
  target: { workflowId: string; update: UpdateDefinition<unknown, [A], string>; arg: A; wording: WorkflowWording },
  read: () => Promise<T>,
): Promise<T> {
  const key = commandKey(ctx, call.path, call.input);
  return workflowCommand(ctx, key, async ({ resumed }) => {
    await sendUpdate(ctx, target.workflowId, target.update, key.clientRequestId, target.arg, target.wording, { resumed });
    return read();
  });
}

/**
 * Polls `find` until it returns a row or `timeoutMs` passes. A first projection usually lands within
 * tens of milliseconds, so it asks again after 5 ms and backs off to 100 ms (a fixed 100 ms poll
 * made every create wait 100-200 ms: bench figure 2).
 */
export async function pollForRow<T>(find: () => Promise<T | null>, timeoutMs = 10_000, gaveUp: () => Promise<boolean> = async () => false): Promise<T | null> {
  const until = Date.now() + timeoutMs;
  let nextCheck = Date.now() + 250;
  for (let delay = 5; ; delay = Math.min(delay * 2, 100)) {
    const row = await find();
    if (row || Date.now() > until) return row;
    // Now and then ask whether waiting can still help (a workflow that refused its arguments never projects).
    if (Date.now() >= nextCheck) {
      if (await gaveUp()) return null;
      nextCheck = Date.now() + 500;
    }
    await new Promise((r) => setTimeout(r, delay));
  }
}

/**
 * Waits for a just-started workflow's first projection. If it does not come, says why: the workflow
 * refused its arguments (BAD_REQUEST with the reason), the id was already taken by a workflow this
 * database knows nothing of (CONFLICT: startOnce said 'existing'), or no worker has picked it up yet.
 */
export async function waitForProjection<T>(
  ctx: Context,
  workflowId: string,
  find: () => Promise<T | null>,
  what: string,
  { timeoutMs = 10_000, started = 'started' }: { timeoutMs?: number; started?: 'started' | 'existing' } = {},
): Promise<T> {
  const handle = ctx.temporal.workflow.getHandle(workflowId);
  const failed = async () => (await handle.describe().catch(() => null))?.status.name === 'FAILED';
  const row = await pollForRow(find, timeoutMs, failed);
  if (row) return row;
  const described = await handle.describe().catch(() => null);
  if (described?.status.name === 'FAILED') {
    // It refused its start arguments: the caller's error, with the field the workflow named.
    const failure = (await handle.result().then(() => null, (e: unknown) => e)) as { cause?: { message?: string }; message?: string } | null;
    const message = failure?.cause?.message ?? failure?.message ?? `The ${what} could not be started`;
    const field = /^(?:definition\.)?([\w.]+): (.+)$/.exec(message);
    if (field) throw fieldError(field[1]!.split('.'), field[2]!);
    throw new TRPCError({ code: 'BAD_REQUEST', message });
  }
  if (started === 'existing') {
    // A retry of this very command would have found its row by now: the id belongs to a workflow
    // this read model has never seen (another deployment on the namespace, or a database restored
    // from before it started).
    throw new TRPCError({
      code: 'CONFLICT',
      message: `A ${what} with id ${workflowId} already exists in Temporal but not in this database. An admin can rebuild the read model (projections.rebuild) to bring it in.`,
    });
  }
  throw new TRPCError({
    code: 'SERVICE_UNAVAILABLE',
    message: `The ${what} started but the worker has not picked it up yet; refresh in a moment.`,
  });
}
