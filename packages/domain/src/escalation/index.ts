export * from './ladder.js';
export * from './schemas.js';
export * from './late.js';
