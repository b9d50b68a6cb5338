/**
 * Idempotency with the semantics people know from payment APIs. Every state-changing procedure takes
 * a client request id; its receipt records who sent it (user), to what (procedure), with what input
 * (a fingerprint of the canonical input) and the first result:
 *
 * - the same id and the same input again: the first result, and no second effect;
 * - the same id with another input, another procedure or from another user: CONFLICT, saying which;
 * - two or ten copies at once: one effect, and every copy answers with the same result.
 *
 * Register commands (effects in PostgreSQL) write their receipt in the same transaction as the
 * effect: both commit or neither does (`transactionalCommand`). Workflow commands (effects in
 * Temporal) cannot share a transaction with PostgreSQL, so they claim the id first (a pending
 * receipt), then start the workflow or send the Update with an id derived from the request id
 * (Temporal keeps one effect per workflow id / Update id), then record the outcome on the receipt
 * (`workflowCommand`). A crash between the effect and the receipt leaves the receipt pending; the
 * retry finds it, sends the same Update again, gets Temporal's first outcome and completes it.
 *
 * A command that is refused (a schema or field error, a precondition, a duplicate reference) has no
 * effect and leaves no receipt, so the client may correct it and send it again with the same id.
 */
import { createHash } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import type { CommandReceipt, Prisma } from '@ip/db';
import { canonicalJson } from './audit-chain.js';
import type { Tx } from './audit.js';
import type { Context, SessionUser } from './context.js';
import { isUniqueViolation, toUserError } from './errors.js';

type SignedIn = Context & { user: SessionUser };

/** What a receipt is keyed by and checked against. */
export interface CommandKey {
  clientRequestId: string;
  userId: string;
  /** The tRPC path, e.g. `risks.create`. */
  procedure: string;
  /** sha256 of the canonical input, without the request id and passwords. */
  fingerprint: string;
}

/**
 * Left out of fingerprints: the request id itself, and secrets (a fast hash of a password is not
 * something to keep). A retry that changes only a password is therefore the same command.
 */
const NOT_FINGERPRINTED = new Set(['clientRequestId', 'password', 'currentPassword', 'newPassword']);

/** sha256 of the input as canonical JSON (keys sorted, so key order never matters). */
export function fingerprintOf(input: unknown): string {
  const plain: unknown = JSON.parse(JSON.stringify(input ?? null, (k, v: unknown) => (NOT_FINGERPRINTED.has(k) ? undefined : v)) ?? 'null');
  return createHash('sha256').update(canonicalJson(plain)).digest('hex');
}

/** The request id of a command's input: top level, or inside react-admin's `data` on updates. */
export function requestIdOf(input: unknown): string | null {
  const top = input as { clientRequestId?: unknown; data?: { clientRequestId?: unknown } } | null;
  const id = top?.clientRequestId ?? top?.data?.clientRequestId;
  return typeof id === 'string' ? id : null;
}

/** The receipt key of a command: its request id, the caller, the procedure and the input's fingerprint. */
export function commandKey(ctx: SignedIn, procedure: string, input: unknown): CommandKey {
  const clientRequestId = requestIdOf(input);
  // Every command's schema requires it (a test over the router checks), so this is a programming error.
  if (!clientRequestId) throw new Error(`${procedure} takes no clientRequestId: it cannot run as a command`);
  return { clientRequestId, userId: ctx.user.id, procedure, fingerprint: fingerprintOf(input) };
}

function conflict(message: string): TRPCError {
  return new TRPCError({ code: 'CONFLICT', message: `clientRequestId: ${message}` });
}

/** CONFLICT when a stored receipt belongs to another user, procedure or input; null when it is this command's. */
export function receiptConflict(stored: Pick<CommandReceipt, 'userId' | 'procedure' | 'fingerprint'>, key: CommandKey): TRPCError | null {
  if (stored.userId !== key.userId) return conflict('this request id was already used by another user. Send a new request id.');
  if (stored.procedure !== key.procedure) {
    return conflict(`this request id was already used for ${stored.procedure}, not ${key.procedure}. Send a new request id.`);
  }
  // Receipts from before fingerprints (null) match any input.
  if (stored.fingerprint !== null && stored.fingerprint !== key.fingerprint) {
    return conflict(`this request id was already used for ${key.procedure} with a different input. Send a new request id for a different command.`);
  }
  return null;
}

/** A result as it travels (JSON: dates as ISO strings), so the first answer and a replay are identical. */
function asJson<T>(result: T): T {
  return JSON.parse(JSON.stringify(result ?? null)) as T;
}

/** The first result of a receipt that belongs to this command, or CONFLICT. */
function replay<T>(stored: CommandReceipt, key: CommandKey): T {
  const mismatch = receiptConflict(stored, key);
  if (mismatch) throw mismatch;
  return stored.resultJson as T;
}

/** Class id of the transaction-scoped advisory locks on request ids (two-int key space, apart from the audit chain's). */
const RECEIPT_LOCK_CLASS = 0x7263; // "rc"

/** Serialises concurrent copies of one request id until the holder's transaction ends. */
async function lockRequestId(tx: Tx, clientRequestId: string): Promise<void> {
  const key = createHash('sha256').update(clientRequestId).digest().readInt32BE(0);
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(${RECEIPT_LOCK_CLASS}::int, ${key}::int)::text AS locked`;
}

export interface TransactionalOptions<T> {
  /** Turns an error of the transaction into the caller's (e.g. a unique-key clash into CONFLICT). */
  onError?: (err: unknown) => never;
  /** Runs once, after the first run commits (not on a replay): e.g. forget cached sessions. */
  afterCommit?: (result: T) => void;
}

/**
 * Runs a register command once per request id, with its receipt in the same transaction as its
 * effect. Copies of the same id wait on a lock on the id; once the first commits they find its
 * receipt and answer with its result (or CONFLICT if they are not the same command).
 */
export async function transactionalCommand<T>(ctx: SignedIn, key: CommandKey, write: (tx: Tx) => Promise<T>, opts: TransactionalOptions<T> = {}): Promise<T> {
  const outcome = await ctx.prisma
    .$transaction(async (tx): Promise<{ stored: CommandReceipt } | { result: T }> => {
      await lockRequestId(tx, key.clientRequestId);
      const stored = await tx.commandReceipt.findUnique({ where: { clientRequestId: key.clientRequestId } });
      if (stored) return { stored };
      const result = asJson(await write(tx));
      await tx.commandReceipt.create({
        data: { ...key, status: 'done', resultJson: result as Prisma.InputJsonValue, completedAt: new Date() },
      });
      return { result };
    })
    .catch(async (err: unknown): Promise<{ stored: CommandReceipt }> => {
      // A workflow command with the same id claimed it between our check and our insert: that
      // receipt answers (CONFLICT unless it is this very command), not the register's own wording.
      if (isUniqueViolation(err)) {
        const stored = await ctx.prisma.commandReceipt.findUnique({ where: { clientRequestId: key.clientRequestId } });
        if (stored && (receiptConflict(stored, key) || stored.status === 'done')) return { stored };
      }
      return (opts.onError ?? ((e: unknown) => { throw e; }))(err);
    });
  if ('stored' in outcome) return replay<T>(outcome.stored, key);
  opts.afterCommit?.(outcome.result);
  return outcome.result;
}

/** Errors after which the command certainly had no effect: its claim is released. */
const DEFINITIVE = new Set<TRPCError['code']>(['BAD_REQUEST', 'UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'PRECONDITION_FAILED', 'UNPROCESSABLE_CONTENT']);

/** The receipt for this request id after trying to claim it, and whether this call made the claim. */
async function claim(ctx: SignedIn, key: CommandKey): Promise<{ fresh: true } | { fresh: false; stored: CommandReceipt }> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const { count } = await ctx.prisma.commandReceipt.createMany({ data: [{ ...key, status: 'pending' }], skipDuplicates: true });
    if (count === 1) return { fresh: true };
    const stored = await ctx.prisma.commandReceipt.findUnique({ where: { clientRequestId: key.clientRequestId } });
    // Released between the two statements (a concurrent copy was refused): claim again.
    if (stored) return { fresh: false, stored };
  }
  throw new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: 'This request id is being claimed and released repeatedly; try again shortly.' });
}

/** Records the outcome on the claim (or on a new receipt if a refused copy released it) and returns the stored result. */
async function complete<T>(ctx: SignedIn, key: CommandKey, result: T): Promise<T> {
  const resultJson = asJson(result) as Prisma.InputJsonValue;
  const { count } = await ctx.prisma.commandReceipt.updateMany({
    where: { clientRequestId: key.clientRequestId, status: 'pending', userId: key.userId, procedure: key.procedure, fingerprint: key.fingerprint },
    data: { status: 'done', resultJson, completedAt: new Date() },
  });
  if (count === 0) {
    await ctx.prisma.commandReceipt.createMany({ data: [{ ...key, status: 'done', resultJson, completedAt: new Date() }], skipDuplicates: true });
  }
  // Copies that ran at the same time all answer with the result stored first.
  const stored = await ctx.prisma.commandReceipt.findUniqueOrThrow({ where: { clientRequestId: key.clientRequestId } });
  return replay<T>(stored, key);
}

export interface WorkflowRun {
  /** True when an earlier attempt claimed this request id and may already have had its effect. */
  resumed: boolean;
}

/**
 * Runs a workflow command (a start or an Update, whose effect lives in Temporal) once per request id:
 * claim the id, run (`run` must address Temporal with ids derived from the request id, so a
 * resumed attempt reaches the same workflow / Update), then record the outcome. The result is read
 * from PostgreSQL by `run`, never taken from the Update's reply.
 */
export async function workflowCommand<T>(ctx: SignedIn, key: CommandKey, run: (r: WorkflowRun) => Promise<T>): Promise<T> {
  const claimed = await claim(ctx, key);
  if (!claimed.fresh) {
    const mismatch = receiptConflict(claimed.stored, key);
    if (mismatch) throw mismatch;
    if (claimed.stored.status === 'done') return claimed.stored.resultJson as T;
  }
  let result: T;
  try {
    result = await run({ resumed: !claimed.fresh });
  } catch (err) {
    const mapped = toUserError(err);
    if (mapped instanceof TRPCError && DEFINITIVE.has(mapped.code)) {
      // Refused: nothing happened, so nothing is kept and the client may correct and resend.
      await ctx.prisma.commandReceipt
        .deleteMany({ where: { clientRequestId: key.clientRequestId, status: 'pending', userId: key.userId, procedure: key.procedure, fingerprint: key.fingerprint } })
        .catch(() => undefined);
    }
    // Otherwise (Temporal or the database unreachable, a timeout) the outcome is unknown: the claim
    // stays pending and a retry with the same id completes it.
    throw mapped;
  }
  return complete(ctx, key, result);
}
