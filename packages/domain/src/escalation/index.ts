export * from './ladder.js';
