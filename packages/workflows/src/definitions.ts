/**
 * Names shared by the workflows, the worker and the API: task queue, workflow ids, Updates and
 * Queries. Importing this file pulls in no workflow code.
 */
export const TASK_QUEUE = 'improvement-programme';

export * from './programme/definitions.js';
export * from './information-request/definitions.js';
export * from './action/definitions.js';
export * from './monitoring-visit/definitions.js';
export * from './intervention/definitions.js';
export * from './kpi-return/definitions.js';
export * from './history-archive/definitions.js';
export * from './history-verification/definitions.js';
export * from './health-sweep/definitions.js';
export * from './delivery/definitions.js';
export type { UpdateReply } from './machine/spec.js';
