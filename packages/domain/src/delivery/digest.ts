/**
 * Immediate emails or a daily digest, per person and per kind (reminders, escalations), and when a
 * digest goes: at a configurable local time (Europe/London) on working days only. Pure and
 * zod-free: the digest workflow computes its timers with nextDigestSlot, and the activities decide
 * each delivery's mode with deliveryModeFor.
 */
import { addDays } from '../calendar/iso-date.js';
import { londonDateOf } from '../calendar/london-time.js';
import { londonLocalTimeUtcMs } from '../escalation/ladder.js';
import type { TEscalationLevel } from '../escalation/schemas.js';
import { ALWAYS_IMMEDIATE_LEVELS } from './recipients.js';

export const DELIVERY_MODES = ['immediate', 'digest'] as const;
export type TDeliveryMode = (typeof DELIVERY_MODES)[number];
export type TDeliveryKind = 'reminder' | 'escalation';

export interface DeliveryPreferenceLike {
  reminders: TDeliveryMode;
  escalations: TDeliveryMode;
}

/** Someone who never chose gets every email at once. */
export const DEFAULT_DELIVERY_PREFERENCE: DeliveryPreferenceLike = { reminders: 'immediate', escalations: 'immediate' };

/** The daily digest's default local time (Europe/London), before the working day starts. */
export const DIGEST_LOCAL_TIME_DEFAULT = '08:00';

/** How a step reaches a person, and why, in words the Outbox shows. */
export function deliveryModeFor(
  kind: TDeliveryKind,
  level: TEscalationLevel,
  pref: DeliveryPreferenceLike | null | undefined,
): { mode: TDeliveryMode; why: string } {
  const p = pref ?? DEFAULT_DELIVERY_PREFERENCE;
  const chosen = kind === 'reminder' ? p.reminders : p.escalations;
  if (kind === 'escalation' && ALWAYS_IMMEDIATE_LEVELS.has(level) && chosen === 'digest') {
    return { mode: 'immediate', why: 'escalations at director level and above are always sent at once' };
  }
  return { mode: chosen, why: pref ? `chosen: ${chosen === 'digest' ? 'daily digest' : 'immediate'}` : 'default: immediate' };
}

export function digestTimeProblem(localTime: string): string | undefined {
  return /^([01]\d|2[0-3]):[0-5]\d$/.test(localTime) ? undefined : 'localTime: HH:MM (24-hour, Europe/London)';
}

/**
 * The first digest instant strictly after `afterMs`: `localTime` in London on a working day. Clock
 * changes happen on Sundays, never working days, so the local time maps to one instant.
 */
export function nextDigestSlot(afterMs: number, localTime: string, calendar: { isWorkingDay(d: string): boolean }): number {
  const problem = digestTimeProblem(localTime);
  if (problem) throw new RangeError(problem);
  const [hh, mm] = localTime.split(':').map(Number) as [number, number];
  let day = londonDateOf(afterMs);
  // The longest run of non-working days in England and Wales is a handful; 60 is far beyond it.
  for (let i = 0; i < 60; i++, day = addDays(day, 1)) {
    if (!calendar.isWorkingDay(day)) continue;
    const at = londonLocalTimeUtcMs(day, hh, mm);
    if (at > afterMs) return at;
  }
  throw new RangeError(`no working day within 60 days of ${londonDateOf(afterMs)}`);
}
