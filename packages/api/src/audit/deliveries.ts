/**
 * The emails of the escalations on a page of business-history rows: each row that recorded an
 * escalation carries that escalation's deliveries (to whom, in which role, status, when sent, the
 * server's answer or the reason, the digest it went in). rows.ts stays pure (it names the
 * escalation ids); this reads the deliveries from PostgreSQL, once per page.
 */
import type { PrismaClient } from '@ip/db';
import { deliveriesForEscalations, type DeliveryRecord } from '../routers/outbox.js';
import type { HistoryRow } from './rows.js';

export type HistoryRowWithDeliveries = HistoryRow & { deliveries: DeliveryRecord[] };

/**
 * The rows with their escalations' deliveries. An escalation is shown on the first row (in the
 * order given) that recorded it, so a page never lists the same emails twice.
 */
export async function withDeliveries(prisma: PrismaClient, rows: readonly HistoryRow[]): Promise<HistoryRowWithDeliveries[]> {
  const byEscalation = await deliveriesForEscalations(prisma, rows.flatMap((r) => r.escalationIds));
  const shown = new Set<string>();
  return rows.map((r) => {
    const deliveries: DeliveryRecord[] = [];
    for (const id of r.escalationIds) {
      if (shown.has(id)) continue;
      shown.add(id);
      deliveries.push(...(byEscalation[id] ?? []));
    }
    return { ...r, deliveries };
  });
}
