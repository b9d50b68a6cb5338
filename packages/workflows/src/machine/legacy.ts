/**
 * What the first workflow versions share to hand over to the machine runner: a run that has grown
 * long continues as new, carrying its whole state, and the new run takes the machine path (a run
 * with a carried state always does). Workflow code.
 */
import { workflowInfo } from '@temporalio/workflow';

/** Patch id guarding the first versions' continue-as-new (their old histories never did it). */
export const LEGACY_CONTINUE_AS_NEW_PATCH = 'legacy-continue-as-new';

/** Hand over well before Temporal's warnings (10,240 events / 10 MB); first-version events are large. */
const LEGACY_MAX_EVENTS = 1_000;

export function legacyRunTooLong(): boolean {
  const info = workflowInfo();
  return info.continueAsNewSuggested || info.historyLength >= LEGACY_MAX_EVENTS || info.historySize >= 4 * 1024 * 1024;
}
