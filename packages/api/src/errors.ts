import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { WorkflowUpdateFailedError, WorkflowNotFoundError, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';

/** True when an error means Temporal or the database cannot be reached right now. */
export function isUnavailable(err: unknown): boolean {
  const e = err as { code?: unknown; name?: string; message?: string; cause?: unknown };
  const msg = `${e?.name ?? ''} ${e?.message ?? ''}`;
  if (/ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|Connection terminated|connect ECONN|UNAVAILABLE|DEADLINE_EXCEEDED|Can't reach database|Connection refused|Failed to connect/i.test(msg)) return true;
  if (e?.code === 14 || e?.code === 4) return true; // gRPC UNAVAILABLE / DEADLINE_EXCEEDED
  // P2024: no pooled connection in time; P2028: a transaction ran out of time (e.g. a lock held elsewhere).
  if (typeof e?.code === 'string' && ['P1001', 'P1002', 'P1017', 'P2024', 'P2028', 'ECONNREFUSED'].includes(e.code)) return true;
  return e?.cause ? isUnavailable(e.cause) : false;
}

/** True for a unique-constraint violation (Prisma P2002; PostgreSQL 23505 through a driver adapter). */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: unknown; meta?: { driverAdapterError?: { cause?: { kind?: string } } } } | null;
  return e?.code === 'P2002' || e?.meta?.driverAdapterError?.cause?.kind === 'UniqueConstraintViolation';
}

/** Rethrows a unique-constraint violation as CONFLICT with a message the user can act on. */
export function conflictOnDuplicate(message: string): (err: unknown) => never {
  return (err) => {
    if (isUniqueViolation(err)) throw new TRPCError({ code: 'CONFLICT', message, cause: err });
    throw err;
  };
}

/**
 * The fields a schema issue is about, as dotted paths. An unknown key (a strict schema's
 * `unrecognized_keys`) is named itself, not the object that holds it: "filter.colour", not "filter".
 */
export function issueFields(issue: z.core.$ZodIssue): string[] {
  if (issue.code === 'unrecognized_keys') return issue.keys.map((k) => fieldPath([...issue.path, k]));
  return [fieldPath(issue.path) || '(input)'];
}

/** A field's dotted path. An empty key is still a key: shown as "", not mistaken for the whole input. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.map((k) => (typeof k === 'symbol' ? String(k) : k === '' ? '""' : k)).join('.');
}

/** The message for an issue, with unknown keys said plainly. */
export function issueMessage(issue: z.core.$ZodIssue): string {
  return issue.code === 'unrecognized_keys' ? 'is not a field this accepts' : issue.message;
}

/**
 * A BAD_REQUEST about one input field that only the server can check (e.g. against stored data).
 * Carries a ZodError, so the error formatter fills `fieldErrors` exactly as for schema errors.
 */
export function fieldError(path: (string | number)[], message: string): TRPCError {
  // Made by a failing parse: a ZodError built with `new` is not an Error in zod 4, and tRPC would
  // replace a non-Error cause with an opaque one.
  const cause = z
    .unknown()
    .superRefine((_, ctx) => ctx.addIssue({ code: 'custom', path, message }))
    .safeParse(undefined).error;
  return new TRPCError({ code: 'BAD_REQUEST', message: `${path.join('.')}: ${message}`, cause });
}

/** How workflow errors read for the record a router drives (an action, a visit, ...). */
export interface WorkflowWording {
  /** The workflow does not exist. */
  notFound?: string;
  /** The workflow has finished (signed off, cancelled, closed): it takes no more Updates. */
  closed?: string;
}

/**
 * Maps infrastructure and workflow errors to errors a user can act on: never a bare 500 or a hang.
 * Domain rejections from an Update validator become PRECONDITION_FAILED carrying the reason; an
 * Update to a finished workflow (Temporal: NOT_FOUND "workflow execution already completed") too.
 */
export function toUserError(err: unknown, wording: WorkflowWording = {}): unknown {
  if (err instanceof TRPCError) return err;
  if (err instanceof WorkflowUpdateFailedError) {
    const cause = err.cause as { message?: string } | undefined;
    return new TRPCError({ code: 'PRECONDITION_FAILED', message: cause?.message ?? err.message, cause: err });
  }
  if (err instanceof WorkflowNotFoundError) {
    if (/already completed/i.test(err.message)) {
      return new TRPCError({ code: 'PRECONDITION_FAILED', message: wording.closed ?? 'This record is closed: nothing more can be recorded against it', cause: err });
    }
    return new TRPCError({ code: 'NOT_FOUND', message: wording.notFound ?? 'No such programme workflow', cause: err });
  }
  if (err instanceof WorkflowExecutionAlreadyStartedError) {
    return new TRPCError({ code: 'CONFLICT', message: 'That programme has already started', cause: err });
  }
  if (isUniqueViolation(err)) {
    return new TRPCError({ code: 'CONFLICT', message: 'A record with the same reference already exists', cause: err });
  }
  if (isUnavailable(err)) {
    return new TRPCError({
      code: 'SERVICE_UNAVAILABLE',
      message: 'The workflow service or the database is unavailable. Nothing was changed; try again shortly.',
      cause: err,
    });
  }
  return err;
}
