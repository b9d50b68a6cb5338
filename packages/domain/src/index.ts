export * from './calendar/index.js';
export * from './schemas/index.js';
export * from './lifecycle/index.js';
