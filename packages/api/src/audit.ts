import type { Prisma } from '@ip/db';
import type { SessionUser } from './context.js';

/** The Prisma client inside `prisma.$transaction(async (tx) => ...)`. */
export type Tx = Prisma.TransactionClient;

export interface AuditEntry {
  /** Table-like name of what changed, e.g. 'kpi', 'kpi_reading', 'risk'. */
  entity: string;
  entityId: string;
  /** What was done, e.g. 'create', 'update', 'record_reading', 'correct_reading', 'acknowledge'. */
  action: string;
  reason?: string | undefined;
  /** JSON-safe snapshots; omit `before` on create and `after` on delete. */
  before?: unknown;
  after?: unknown;
}

/**
 * Appends one row to the audit trail. Call it with the transaction's `tx`, so the change and its
 * audit row commit (or roll back) together.
 */
export async function recordAudit(tx: Tx, user: SessionUser, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorUserId: user.id,
      actorRole: user.role,
      entity: entry.entity,
      entityId: entry.entityId,
      action: entry.action,
      reason: entry.reason ?? null,
      ...(entry.before === undefined ? {} : { before: entry.before as Prisma.InputJsonValue }),
      ...(entry.after === undefined ? {} : { after: entry.after as Prisma.InputJsonValue }),
    },
  });
}

/** A row as plain JSON (dates as ISO strings), for `before`/`after` and command receipts. */
export function snapshot<T extends object>(row: T): Prisma.InputJsonObject {
  return JSON.parse(JSON.stringify(row)) as Prisma.InputJsonObject;
}
