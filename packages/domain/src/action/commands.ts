import { checkedPayload, type FieldCheck } from '../lifecycle/payload.js';
import { LifecycleRejection } from '../lifecycle/reducer.js';
import type { TActionEvent } from './events.js';
import type { TActionCommandName } from './schemas.js';

const EVENT_OF = {
  updateProgress: 'progress_updated',
  attachEvidence: 'evidence_attached',
  requestSignOff: 'sign_off_requested',
  requestExtension: 'extension_requested',
  approveExtension: 'extension_approved',
  rejectExtension: 'extension_rejected',
  cancel: 'action_cancelled',
} as const satisfies Record<Exclude<TActionCommandName, 'signOff'>, TActionEvent['type']>;

/**
 * The fields each command adds to actor + reason: the bodies of ZActionCommandPayloads (./schemas.ts,
 * which the API parses every command with), checked here without zod because this runs in the workflow.
 */
const BODY: Record<TActionCommandName, Record<string, FieldCheck>> = {
  updateProgress: { percentComplete: 'percent', note: 'text', ragAssessment: 'value?' },
  attachEvidence: { title: 'text', url: 'value?', reference: 'text?' },
  requestSignOff: {},
  signOff: { outcome: 'value?', separateDuties: 'value?' },
  requestExtension: { newDueOn: 'date', justification: 'text' },
  approveExtension: {},
  rejectExtension: {},
  cancel: {},
};

/**
 * The event an action command stands for: actor, reason and the command's fields (unknown keys such
 * as clientRequestId are dropped), checked by checkedPayload. The workflow's validators and handlers
 * both use it, so what is validated is exactly what is applied.
 * @throws LifecycleRejection naming the first invalid field.
 */
export function actionCommandEvent(name: TActionCommandName, payload: unknown, at: number): TActionEvent {
  const { actor, reason, ...body } = checkedPayload<Record<string, unknown>>(payload, BODY[name]);
  const data = { actor, reason, ...body };
  if (name === 'attachEvidence' && !body.url && !body.reference) throw new LifecycleRejection('url: Give a link or a document reference');
  if (name === 'signOff') {
    const { outcome = 'signed_off', ...rest } = data as typeof data & { outcome?: 'signed_off' | 'returned' };
    if (outcome !== 'signed_off' && outcome !== 'returned') throw new LifecycleRejection('outcome: expected signed_off or returned');
    return { ...rest, type: outcome === 'returned' ? 'sign_off_returned' : 'signed_off', at } as TActionEvent;
  }
  return { ...data, type: EVENT_OF[name], at } as TActionEvent;
}
