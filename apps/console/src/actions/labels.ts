import type { TActionRag } from '@ip/domain';
import type { TTone } from '../components/StatusTag';

/** An action's RAG in words: the chip always says it, so colour never carries the meaning alone. */
export const ACTION_RAG_LABELS: Record<TActionRag, string> = {
  red: 'Red',
  amber: 'Amber',
  green: 'Green',
  awaiting_sign_off: 'Awaiting sign-off',
  complete: 'Complete',
  cancelled: 'Cancelled',
};
export const ACTION_RAG_TONES: Record<TActionRag, TTone> = {
  red: 'red',
  amber: 'yellow',
  green: 'green',
  awaiting_sign_off: 'blue',
  complete: 'green',
  cancelled: 'grey',
};
