/**
 * Which ladder steps of a programme's open clocks are still to fire, and when. Pure (workflow-safe).
 */
import {
  openClocks,
  PROGRAMME_CLOCK_LADDERS,
  scheduleLadder,
  stepKey,
  type ScheduledStep,
  type TClock,
  type TLadder,
  type TProgrammeState,
} from '@ip/domain/workflow';

export interface PendingStep extends ScheduledStep {
  clock: TClock;
  ladder: TLadder;
  key: string;
}

export function pendingSteps(
  state: TProgrammeState,
  ladders: Record<string, TLadder> | undefined,
  calendar: { addWorkingDays(from: string, n: number): string },
): PendingStep[] {
  const all = ladders ?? PROGRAMME_CLOCK_LADDERS;
  const out: PendingStep[] = [];
  for (const clock of openClocks(state.clocks)) {
    const ladder = all[clock.name] ?? PROGRAMME_CLOCK_LADDERS[clock.name];
    if (!ladder) continue;
    for (const s of scheduleLadder(ladder, clock.dueOn, calendar)) {
      const key = stepKey(clock, s.step.id);
      if (!state.firedSteps.includes(key)) out.push({ ...s, clock, ladder, key });
    }
  }
  return out.sort((a, b) => a.fireAt - b.fireAt || a.key.localeCompare(b.key));
}
