export * from './calendar/index.js';
export * from './schemas/index.js';
export * from './lifecycle/index.js';
export * from './escalation/index.js';
export * from './kpi/index.js';
export * from './risk/index.js';
export * from './action/index.js';
