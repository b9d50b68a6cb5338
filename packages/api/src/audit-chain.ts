/**
 * Tamper evidence for the audit trail: every audit row carries the hash of the row before it.
 *
 *   hash = sha256(prevHash + "\n" + canonical JSON of the row's content)
 *
 * Changing a row's content breaks its own hash; deleting or inserting a row breaks the next row's
 * link. Rows are appended under a transaction-scoped advisory lock, so concurrent commands chain
 * one after another in id order. Rows written before the chain existed (hash null) are reported as
 * "unchained" and must all precede the first chained row.
 */
import { createHash } from 'node:crypto';
import type { AuditEvent, PrismaClient } from '@ip/db';
import type { Tx } from './tx.js';

export const GENESIS_HASH = '0'.repeat(64);
/** pg_advisory_xact_lock key that serialises appends to the chain ("audit" in ASCII). */
const CHAIN_LOCK = 0x6175646974;

/** The fields a hash covers: everything a reader relies on, not the storage id. */
export type ChainContent = Pick<AuditEvent, 'actorUserId' | 'actorRole' | 'entity' | 'entityId' | 'action' | 'reason' | 'calendarVersion'> & {
  at: Date;
  before: unknown;
  after: unknown;
};

/** JSON with object keys sorted at every level, so PostgreSQL's jsonb key order cannot change a hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function chainHash(prevHash: string, c: ChainContent): string {
  const content = canonicalJson({
    at: c.at.toISOString(), actorUserId: c.actorUserId, actorRole: c.actorRole, entity: c.entity, entityId: c.entityId,
    action: c.action, reason: c.reason, calendarVersion: c.calendarVersion, before: c.before ?? null, after: c.after ?? null,
  });
  return createHash('sha256').update(`${prevHash}\n${content}`).digest('hex');
}

export type NewAuditRow = Omit<ChainContent, 'at' | 'calendarVersion'> & { calendarVersion?: string | null };

/** Appends one row to the chain. Call inside the command's transaction: the lock lasts until it commits. */
export async function appendAuditRow(tx: Tx, row: NewAuditRow): Promise<void> {
  await tx.$queryRawUnsafe(`SELECT pg_advisory_xact_lock(${CHAIN_LOCK})::text`);
  const last = await tx.auditEvent.findFirst({ where: { hash: { not: null } }, orderBy: { id: 'desc' }, select: { hash: true } });
  const content: ChainContent = { ...row, calendarVersion: row.calendarVersion ?? null, at: new Date() };
  const prevHash = last?.hash ?? GENESIS_HASH;
  await tx.auditEvent.create({
    data: {
      ...content,
      before: (row.before ?? undefined),
      after: (row.after ?? undefined),
      prevHash,
      hash: chainHash(prevHash, content),
    },
  });
}

export interface ChainBreak {
  id: string;
  at: string;
  entity: string;
  entityId: string;
  action: string;
  problem: string;
}
export interface ChainReport {
  ok: boolean;
  /** Rows checked, oldest first. */
  checked: number;
  /** Rows from before the chain existed (hash null), all before the first chained row. */
  unchained: number;
  /** The newest row's hash: publish it (e.g. in board minutes) to pin the trail as it stands. */
  headHash: string | null;
  firstBroken: ChainBreak | null;
  verifiedAt: string;
}

/** Walks the whole trail oldest first, in batches, and stops at the first broken link. */
export async function verifyAuditChain(prisma: Pick<PrismaClient, 'auditEvent'>, { batch = 1000 } = {}): Promise<ChainReport> {
  let prev: string | null = null;
  let checked = 0;
  let unchained = 0;
  let cursor: bigint | undefined;
  const broken = (r: AuditEvent, problem: string): ChainReport => ({
    ok: false, checked, unchained, headHash: prev, verifiedAt: new Date().toISOString(),
    firstBroken: { id: r.id.toString(), at: r.at.toISOString(), entity: r.entity, entityId: r.entityId, action: r.action, problem },
  });
  for (;;) {
    const rows = await prisma.auditEvent.findMany({ orderBy: { id: 'asc' }, take: batch, ...(cursor === undefined ? {} : { where: { id: { gt: cursor } } }) });
    if (rows.length === 0) break;
    for (const r of rows) {
      checked += 1;
      if (r.hash === null || r.prevHash === null) {
        if (prev !== null) return broken(r, 'This record has no fingerprint but comes after fingerprints began: it was inserted or altered outside the application');
        unchained += 1;
        continue;
      }
      const expectedPrev = prev ?? GENESIS_HASH;
      if (r.prevHash !== expectedPrev) {
        return broken(r, prev === null
          ? 'The first fingerprinted record does not start the chain: earlier records were deleted'
          : 'This record does not follow the one before it: a record between them was deleted or inserted');
      }
      if (chainHash(r.prevHash, r) !== r.hash) return broken(r, 'This record’s content no longer matches its fingerprint: it was changed after it was written');
      prev = r.hash;
    }
    cursor = rows[rows.length - 1]!.id;
  }
  return { ok: true, checked, unchained, headHash: prev, firstBroken: null, verifiedAt: new Date().toISOString() };
}
