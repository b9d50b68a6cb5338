/** Helpers shared by the register routers (KPIs, risks, workstreams, recommendations). */
import { TRPCError } from '@trpc/server';
import { recordAudit, snapshot, type Tx } from '../audit.js';
import type { Context, SessionUser } from '../context.js';
import { fieldError } from '../errors.js';
import { commandKey, transactionalCommand } from '../receipts.js';

/**
 * Registers key their rows by a plain programme id (no foreign key, so the demo seed can run before
 * the programme workflow projects its row); commands from users check it here instead.
 */
export async function requireProgramme(tx: Tx, programmeId: string, path: (string | number)[] = ['programmeId']): Promise<void> {
  const found = await tx.programme.findUnique({ where: { id: programmeId }, select: { id: true } });
  if (!found) throw fieldError(path, `No programme with id ${programmeId}`);
}

export function notFound(what: string, id: string): TRPCError {
  return new TRPCError({ code: 'NOT_FOUND', message: `No ${what} with id ${id}` });
}

/** A case-insensitive "contains" over several text columns, for the lists' `q` filter. */
export function searchAny<F extends string>(fields: readonly F[], q: string | undefined) {
  if (!q) return {};
  return { OR: fields.map((f) => ({ [f]: { contains: q, mode: 'insensitive' as const } })) as { [K in F]?: { contains: string; mode: 'insensitive' } }[] };
}

/** For commands whose errors need no rewording. */
export function rethrow(err: unknown): never {
  throw err;
}

/** What a command's resolver knows about its call: its tRPC path and its parsed input. */
export interface CommandCall {
  path: string;
  input: unknown;
}

/**
 * How every register write runs: once per client request id, with its receipt, its audit row and its
 * effect in one transaction (pass `tx` only), a retry answered with the first result, and a
 * unique-key clash turned into the CONFLICT that `onDuplicate` (a conflictOnDuplicate handler) names.
 */
export function registerCommand<T>(
  ctx: Context & { user: SessionUser },
  call: CommandCall,
  onDuplicate: (err: unknown) => never,
  write: (tx: Tx) => Promise<T>,
  opts: { afterCommit?: (result: T) => void } = {},
): Promise<T> {
  return transactionalCommand(ctx, commandKey(ctx, call.path, call.input), write, { onError: onDuplicate, ...opts });
}

/** Adds a register row to an existing programme, audited as 'create' in the same transaction. */
export async function auditedCreate<Row extends { id: string }>(
  tx: Tx,
  user: SessionUser,
  o: { entity: string; programmeId: string; reason: string; create: () => Promise<Row> },
): Promise<Row> {
  await requireProgramme(tx, o.programmeId);
  const row = await o.create();
  await recordAudit(tx, user, { entity: o.entity, entityId: row.id, action: 'create', reason: o.reason, after: snapshot(row) });
  return row;
}

/** Changes a register row (NOT_FOUND if absent), audited as 'update' with before and after. */
export async function auditedUpdate<Row extends { id: string }>(
  tx: Tx,
  user: SessionUser,
  o: { entity: string; noun: string; id: string; reason: string; find: () => Promise<Row | null>; update: (before: Row) => Promise<Row> },
): Promise<Row> {
  const before = await o.find();
  if (!before) throw notFound(o.noun, o.id);
  const row = await o.update(before);
  await recordAudit(tx, user, { entity: o.entity, entityId: row.id, action: 'update', reason: o.reason, before: snapshot(before), after: snapshot(row) });
  return row;
}
