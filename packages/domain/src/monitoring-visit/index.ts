export * from './ladders.js';
export * from './declarations.js';
export * from './schemas.js';
export * from './commands.js';
export * from './state.js';
export * from './events.js';
export * from './reducer.js';
