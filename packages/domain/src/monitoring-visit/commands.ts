import { declaredCommandEvent } from '../commands/event.js';
import { MONITORING_VISIT_COMMANDS, type TMonitoringVisitCommandName } from './declarations.js';
import type { TMonitoringVisitEvent } from './events.js';

/**
 * The event a monitoring-visit command stands for: actor, reason and the command's declared fields
 * (unknown keys such as clientRequestId are dropped), checked against its declaration
 * (./declarations.ts). The workflow's validators and handlers both use it.
 * @throws LifecycleRejection naming the first invalid field.
 */
export function monitoringVisitCommandEvent(name: TMonitoringVisitCommandName, payload: unknown, at: number): TMonitoringVisitEvent {
  return declaredCommandEvent(MONITORING_VISIT_COMMANDS[name], payload, at) as unknown as TMonitoringVisitEvent;
}
