/** Improvement-plan actions: schemas, the lifecycle reducer, RAG rules and the escalation schedule. */
export * from './schemas.js';
export * from './state.js';
export * from './events.js';
export * from './rag.js';
export * from './reducer.js';
export * from './schedule.js';
export * from './declarations.js';
export * from './commands.js';
export * from './carry.js';
export { actionRulesWithDefaults, checkedActionDefinition } from './rules.js';
