export { appRouter, type AppRouter } from './root.js';
export { createCallerFactory } from './trpc.js';
export { createContextInner, type Context, type ContextDeps, type SessionUser, type ResponseCookies } from './context.js';
export { userForToken, hashToken } from './routers/auth.js';
export type { ProgrammeRecord } from './routers/programmes.js';
export { createTemporalClient, temporalConnectionOptions } from './temporal-connection.js';
export { toUserError } from './errors.js';
