export * from './common.js';
export * from './inspection.js';
export * from './programme.js';
