/**
 * Two futures side by side: which reminders and escalations one raises and the other does not, and
 * which move to another day. Pure; used for "if approved, this is what stops and what starts".
 */

/** A step as a prediction lists it (only `raised` steps reach anyone). */
export interface ComparableStep {
  /** What makes two steps "the same step" in both futures (the ladder step, per clock). */
  slot: string;
  fireAt: number;
  raised: boolean;
}

export interface StepComparison<T extends ComparableStep> {
  /** Raised in the first future, not in the second. */
  stops: T[];
  /** Raised in the second, not in the first. */
  starts: T[];
  /** Raised in both, at different instants. */
  moves: Array<{ from: T; to: T }>;
  /** Raised in both at the same instant. */
  unchanged: T[];
}

/**
 * Compares the raised steps of two futures by slot. A slot raised several times in one future
 * (a programme clock's ladder, in two cycles) is matched in firing order.
 */
export function compareSteps<T extends ComparableStep>(first: readonly T[], second: readonly T[]): StepComparison<T> {
  const out: StepComparison<T> = { stops: [], starts: [], moves: [], unchanged: [] };
  const pool = new Map<string, T[]>();
  for (const s of second.filter((x) => x.raised)) pool.set(s.slot, [...(pool.get(s.slot) ?? []), s]);
  for (const a of first.filter((x) => x.raised)) {
    const b = pool.get(a.slot)?.shift();
    if (!b) out.stops.push(a);
    else if (b.fireAt === a.fireAt) out.unchanged.push(b);
    else out.moves.push({ from: a, to: b });
  }
  for (const rest of pool.values()) out.starts.push(...rest);
  out.starts.sort((x, y) => x.fireAt - y.fireAt);
  return out;
}
