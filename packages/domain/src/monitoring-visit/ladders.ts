/**
 * Monitoring-visit ladders as data (BRIEF (b) "MVs: evidence pack 10 WD before; ... new actions within
 * 10 WD"; proposed, not mandated). The durations live in DEFAULT_CLOCKS (mvEvidencePackWD,
 * mvNewActionsWD); these ladders say who hears about them and when.
 */
import { ladderWithDefaults, type TLadder } from '../escalation/ladder.js';

/** Reminders only: the pack is for Ofsted, so a late one is the programme manager's to chase. */
export const DEFAULT_MV_EVIDENCE_PACK_LADDER: TLadder = ladderWithDefaults({
  id: 'mv-evidence-pack',
  name: 'Monitoring visit evidence pack (BRIEF (b), proposed)',
  steps: [
    { id: 'remind-5', offsetWorkingDays: -5, kind: 'reminder', level: 'programme_manager', label: 'Evidence pack for the monitoring visit due in 5 working days' },
    { id: 'remind-1', offsetWorkingDays: -1, kind: 'reminder', level: 'programme_manager', label: 'Evidence pack for the monitoring visit due tomorrow' },
  ],
});

/** New actions in the plan within 10 WD of the letter; one escalation if they are not. */
export const DEFAULT_MV_NEW_ACTIONS_LADDER: TLadder = ladderWithDefaults({
  id: 'mv-new-actions',
  name: 'New actions after a monitoring-visit letter (BRIEF (b), proposed)',
  steps: [
    { id: 'remind-3', offsetWorkingDays: -3, kind: 'reminder', level: 'programme_manager', label: 'New actions from the monitoring-visit letter are due in the plan in 3 working days' },
    { id: 'overdue-0', offsetWorkingDays: 0, kind: 'escalation', level: 'director', setsRed: true, label: 'New actions from the monitoring-visit letter are not in the plan: AD/DCS told' },
  ],
});
