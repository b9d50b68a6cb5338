/** Reading raw history events: which kind, when, ids, and payloads decoded once. */
import { defaultPayloadConverter } from '@temporalio/common';
import type { temporal } from '@temporalio/proto';
import type { RawEvent } from './history-source.js';

type Payloads = temporal.api.common.v1.IPayloads | null | undefined;

/** The event's attributes field name, e.g. 'timerFiredEventAttributes' → 'timerFired'. */
export function eventKind(e: RawEvent): string {
  for (const k of Object.keys(e)) {
    if (k.endsWith('EventAttributes') && (e as Record<string, unknown>)[k] != null) return k.slice(0, -'EventAttributes'.length);
  }
  return 'unknown';
}

export function eventIdOf(e: RawEvent): number {
  return Number(e.eventId ?? 0);
}

/** Epoch ms of the event (the server's clock; workflow time is that of the task that ran it). */
export function eventTimeMs(e: RawEvent): number {
  const t = e.eventTime;
  if (!t) return 0;
  return Number(t.seconds ?? 0) * 1000 + Math.floor((t.nanos ?? 0) / 1e6);
}

/** Decodes the payloads with the default data converter (the one the worker uses). */
export function decodePayloads(p: Payloads): unknown[] {
  return (p?.payloads ?? []).map((x) => {
    try {
      return defaultPayloadConverter.fromPayload(x);
    } catch {
      return undefined;
    }
  });
}
