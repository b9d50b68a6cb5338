/**
 * Which escalations reach the improvement board's exception report. BRIEF (b): at +10 WD an overdue
 * action goes to the AD/DCS "and the board exception report"; the board chair, the DfE adviser and
 * the chief executive are told only of what is already at board level. The same levels are the ones
 * whose emails are never held for a digest (delivery/recipients.ts ALWAYS_IMMEDIATE_LEVELS), less
 * the committee chair, who answers to a committee rather than the board.
 */
import type { TEscalationLevel } from '../escalation/schemas.js';

export const BOARD_EXCEPTION_LEVELS: ReadonlySet<TEscalationLevel> = new Set<TEscalationLevel>([
  'director', 'improvement_board', 'dfe', 'chief_executive',
]);

/** True for an escalation (not a reminder) at board level. */
export function isBoardException(step: { kind: 'reminder' | 'escalation'; level: TEscalationLevel }): boolean {
  return step.kind === 'escalation' && BOARD_EXCEPTION_LEVELS.has(step.level);
}
