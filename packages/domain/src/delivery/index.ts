export * from './recipients.js';
export * from './digest.js';
export * from './schemas.js';
export * from './email.js';
