import { LifecycleRejection } from '../lifecycle/reducer.js';
import type { TActionEvent } from './events.js';
import { ZActionCommandPayloads, type TActionCommandName } from './schemas.js';

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
 * The event an action command stands for, after parsing its payload with ZActionCommandPayloads
 * (unknown keys such as clientRequestId are dropped). The workflow's validators and handlers both
 * use it, so what is validated is exactly what is applied.
 * @throws LifecycleRejection naming the first invalid field.
 */
export function actionCommandEvent(name: TActionCommandName, payload: unknown, at: number): TActionEvent {
  const parsed = ZActionCommandPayloads[name].safeParse(payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new LifecycleRejection(`${issue?.path.join('.') || name}: ${issue?.message ?? 'invalid'}`);
  }
  const data = parsed.data;
  if (name === 'signOff') {
    const { outcome, ...rest } = data as typeof data & { outcome: 'signed_off' | 'returned' };
    return { ...rest, type: outcome === 'returned' ? 'sign_off_returned' : 'signed_off', at } as TActionEvent;
  }
  return { ...data, type: EVENT_OF[name], at } as TActionEvent;
}
