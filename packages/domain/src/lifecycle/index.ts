export * from './state.js';
export * from './events.js';
export * from './reducer.js';
export * from './views.js';
export * from './context.js';
export * from './clocks.js';
export * from './clock-ladders.js';
export * from './logs.js';
