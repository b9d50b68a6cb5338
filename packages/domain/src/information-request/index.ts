export * from './ladder-clock.js';
export * from './ladder-clock-schemas.js';
export * from './schemas.js';
export * from './state.js';
export * from './events.js';
export * from './reducer.js';
