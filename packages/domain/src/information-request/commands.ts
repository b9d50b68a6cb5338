import { declaredCommandEvent } from '../commands/event.js';
import { INFORMATION_REQUEST_COMMANDS, type TInformationRequestCommandName } from './declarations.js';
import type { TInformationRequestEvent } from './events.js';

/**
 * The event an information-request command stands for: actor, reason and the command's declared
 * fields (unknown keys such as clientRequestId are dropped), checked against its declaration
 * (./declarations.ts). The workflow's validators and handlers both use it.
 * @throws LifecycleRejection naming the first invalid field.
 */
export function informationRequestCommandEvent(name: TInformationRequestCommandName, payload: unknown, at: number): TInformationRequestEvent {
  return declaredCommandEvent(INFORMATION_REQUEST_COMMANDS[name], payload, at) as unknown as TInformationRequestEvent;
}
