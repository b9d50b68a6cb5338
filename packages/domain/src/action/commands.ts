import { declaredCommandEvent } from '../commands/event.js';
import { ACTION_COMMANDS, type TActionCommandName } from './declarations.js';
import type { TActionEvent } from './events.js';

/**
 * The event an action command stands for: actor, reason and the command's declared fields (unknown
 * keys such as clientRequestId are dropped), checked against its declaration (./declarations.ts) by
 * declaredCommandEvent. The workflow's validators and handlers both use it, so what is validated is
 * exactly what is applied. One loop for every command: what differs is in the declaration.
 * @throws LifecycleRejection naming the first invalid field.
 */
export function actionCommandEvent(name: TActionCommandName, payload: unknown, at: number): TActionEvent {
  return declaredCommandEvent(ACTION_COMMANDS[name], payload, at) as unknown as TActionEvent;
}
