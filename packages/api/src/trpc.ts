import { initTRPC, TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import type { TRole } from '@ip/domain';
import type { Context } from './context.js';
import { issueFields, issueMessage, toUserError } from './errors.js';
import { assertStorableText } from './input-guard.js';
import { knownKeys } from './known-keys.js';

/** Who may call a procedure: 'public' (anyone, signed in or not) or a list of roles. */
export type Access = 'public' | readonly TRole[];
export interface Meta {
  access: Access;
}

/** Said instead of an unexpected error's own message, which may name SQL, Prisma calls or file paths. */
export const INTERNAL_ERROR_MESSAGE = 'Something went wrong on our side. Nothing more is known here; the error was logged with this request\'s id.';

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    errorFormatter({ shape, error, ctx }) {
      const zod = error.cause instanceof ZodError ? error.cause : null;
      // No prototype: a field named "constructor" or "__proto__" must not reach Object.prototype.
      const fieldErrors: Record<string, string[]> = Object.create(null) as Record<string, string[]>;
      for (const issue of zod?.issues ?? []) {
        for (const key of issueFields(issue)) (fieldErrors[key] ??= []).push(issueMessage(issue));
      }
      const internal = error.code === 'INTERNAL_SERVER_ERROR';
      const message = zod
        ? Object.entries(fieldErrors).map(([k, v]) => `${k}: ${v.join('; ')}`).join('\n')
        : internal ? INTERNAL_ERROR_MESSAGE : shape.message;
      const retryAt = (error.cause as { retryAt?: unknown } | undefined)?.retryAt;
      return {
        ...shape,
        message,
        data: {
          ...shape.data,
          stack: undefined,
          fieldErrors: zod ? fieldErrors : null,
          ...(typeof retryAt === 'string' ? { retryAt } : {}),
          ...(ctx?.requestId ? { requestId: ctx.requestId } : {}),
        },
      };
    },
  });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Catches infrastructure errors everywhere and turns them into errors a user can act on. */
const userErrors = t.middleware(async ({ next }) => {
  const res = await next();
  if (!res.ok && res.error.code === 'INTERNAL_SERVER_ERROR') {
    const mapped = toUserError(res.error.cause ?? res.error);
    if (mapped instanceof TRPCError) throw mapped;
  }
  return res;
});

/**
 * Refuses, before any schema or write sees the input: text no column can hold and nesting too deep
 * (input-guard.ts), then keys the procedure does not know (known-keys.ts).
 */
const inputGuard = t.middleware(async ({ path, getRawInput, next }) => {
  const raw = await getRawInput();
  assertStorableText(raw);
  knownKeys.assertKnown(path, raw);
  return next();
});

/** Callable by anyone, signed in or not (sign-in itself, health). Access is recorded in meta. */
export function publicProcedure() {
  return t.procedure.meta({ access: 'public' }).use(userErrors).use(inputGuard);
}

/**
 * The one place access is declared: every other procedure is built with `procedure(roles)`, which
 * records the roles in meta (the authorization matrix test reads it) and enforces them.
 */
export function procedure(roles: readonly TRole[]) {
  return t.procedure
    .meta({ access: roles })
    .use(userErrors)
    .use(({ ctx, next }) => {
      if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in to continue' });
      if (!roles.includes(ctx.user.role)) {
        throw new TRPCError({ code: 'FORBIDDEN', message: `Your role (${ctx.user.role}) cannot do this` });
      }
      return next({ ctx: { ...ctx, user: ctx.user } });
    })
    .use(inputGuard);
}

/** Everyone signed in may read. */
export const READERS = ['programme_manager', 'auditor', 'admin'] as const;
/** Those who may change programme state. Auditors never appear here. */
export const MANAGERS = ['programme_manager', 'admin'] as const;
