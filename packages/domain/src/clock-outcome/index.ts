export * from './outcome.js';
export * from './words.js';
