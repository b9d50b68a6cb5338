/** A deadline with an escalation ladder (./ladder-clock.ts) and its stored schema (./schemas.ts). */
export * from './ladder-clock.js';
export * from './schemas.js';
