import { checkedPayload } from '../lifecycle/payload.js';
import { LifecycleRejection } from '../lifecycle/reducer.js';
import { ACTION_COMMANDS, type ActionCommandDeclaration, type TActionCommandName } from './declarations.js';
import type { TActionEvent } from './events.js';

/**
 * The event an action command stands for: actor, reason and the command's declared fields (unknown
 * keys such as clientRequestId are dropped), checked by checkedPayload against its declaration
 * (./declarations.ts). The workflow's validators and handlers both use it, so what is validated is
 * exactly what is applied. One loop for every command: what differs is in the declaration.
 * @throws LifecycleRejection naming the first invalid field.
 */
export function actionCommandEvent(name: TActionCommandName, payload: unknown, at: number): TActionEvent {
  const declared: ActionCommandDeclaration = ACTION_COMMANDS[name];
  const { actor, reason, ...body } = checkedPayload<Record<string, unknown>>(payload, declared.body);
  const problem = declared.check?.(body) ?? null;
  if (problem) throw new LifecycleRejection(problem);
  const data: Record<string, unknown> = { actor, reason, ...body };
  const event = declared.event;
  if (typeof event === 'string') return { ...data, type: event, at } as TActionEvent;
  const { [event.byField]: chosen = event.default, ...rest } = data;
  const type = typeof chosen === 'string' ? event.events[chosen] : undefined;
  if (!type) throw new LifecycleRejection(`${event.byField}: expected ${Object.keys(event.events).join(' or ')}`);
  return { ...rest, type, at } as TActionEvent;
}
