export * from './ladder.js';
export * from './schemas.js';
