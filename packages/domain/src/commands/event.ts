import { checkedPayload } from '../lifecycle/payload.js';
import { LifecycleRejection } from '../lifecycle/reducer.js';
import type { CommandDeclaration } from './declaration.js';

/**
 * The event a declared command stands for: actor, reason and the command's declared fields (unknown
 * keys such as clientRequestId are dropped), checked by checkedPayload against the declaration. A
 * workflow's validators and handlers both use it, so what is validated is exactly what is applied.
 * Each kind narrows the result to its own event type (action/commands.ts, information-request/commands.ts).
 * @throws LifecycleRejection naming the first invalid field.
 */
export function declaredCommandEvent(
  declared: Pick<CommandDeclaration<never>, 'body' | 'check' | 'event'>,
  payload: unknown,
  at: number,
): { type: string; at: number } & Record<string, unknown> {
  const { actor, reason, ...body } = checkedPayload<Record<string, unknown>>(payload, declared.body);
  const problem = declared.check?.(body) ?? null;
  if (problem) throw new LifecycleRejection(problem);
  const data: Record<string, unknown> = { actor, reason, ...body };
  const event = declared.event;
  if (typeof event === 'string') return { ...data, type: event, at };
  const { [event.byField]: chosen = event.default, ...rest } = data;
  const type = typeof chosen === 'string' ? event.events[chosen] : undefined;
  if (!type) throw new LifecycleRejection(`${event.byField}: expected ${Object.keys(event.events).join(' or ')}`);
  return { ...rest, type, at };
}
