/**
 * The workflows' decisions as pure functions (no workflow code runs on import): what each Update,
 * timer and child result becomes in the domain. The audit replay folds histories through these:
 * the machines (one description per workflow of its loop) and the first versions' steps.
 */
export * from './programme/steps.js';
export * from './action/steps.js';
export * from './machine/spec.js';
export { actionMachine, type ActionResult, type ActionRunArgs } from './action/machine.js';
export { programmeMachine, type ProgrammeResult, type ProgrammeRunArgs } from './programme/machine.js';
export { informationRequestMachine, informationRequestView } from './information-request/machine.js';
export { monitoringVisitMachine, monitoringVisitView } from './monitoring-visit/machine.js';
export { interventionMachine, interventionView } from './intervention/machine.js';
