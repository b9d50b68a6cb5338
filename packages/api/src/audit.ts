import type { Prisma } from '@ip/db';
import type { SessionUser } from './context.js';
import { appendAuditRow } from './audit-chain.js';
import type { Tx } from './tx.js';

// Tx lives in ./tx.ts so that audit-chain.ts, which audit.ts calls, need not import this file.
export type { Tx } from './tx.js';

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
 * Appends one row to the audit trail, hash-chained to the row before it (audit-chain.ts). Call it
 * with the transaction's `tx`, so the change and its audit row commit (or roll back) together.
 */
export async function recordAudit(tx: Tx, user: Pick<SessionUser, 'id' | 'role'>, entry: AuditEntry): Promise<void> {
  await appendAuditRow(tx, {
    actorUserId: user.id,
    actorRole: user.role,
    entity: entry.entity,
    entityId: entry.entityId,
    action: entry.action,
    reason: entry.reason ?? null,
    before: entry.before,
    after: entry.after,
  });
}

/** A row as plain JSON (dates as ISO strings), for `before`/`after` and command receipts. */
export function snapshot<T extends object>(row: T): Prisma.InputJsonObject {
  return JSON.parse(JSON.stringify(row)) as Prisma.InputJsonObject;
}
