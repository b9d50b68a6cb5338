import { TRPCError } from '@trpc/server';
import { WorkflowUpdateFailedError, WorkflowNotFoundError, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';

/** True when an error means Temporal or the database cannot be reached right now. */
export function isUnavailable(err: unknown): boolean {
  const e = err as { code?: unknown; name?: string; message?: string; cause?: unknown };
  const msg = `${e?.name ?? ''} ${e?.message ?? ''}`;
  if (/ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|Connection terminated|connect ECONN|UNAVAILABLE|DEADLINE_EXCEEDED|Can't reach database|Connection refused|Failed to connect/i.test(msg)) return true;
  if (e?.code === 14 || e?.code === 4) return true; // gRPC UNAVAILABLE / DEADLINE_EXCEEDED
  if (typeof e?.code === 'string' && ['P1001', 'P1002', 'P1017', 'P2024', 'ECONNREFUSED'].includes(e.code)) return true;
  return e?.cause ? isUnavailable(e.cause) : false;
}

/**
 * Maps infrastructure and workflow errors to errors a user can act on: never a bare 500 or a hang.
 * Domain rejections from an Update validator become PRECONDITION_FAILED carrying the reason.
 */
export function toUserError(err: unknown): unknown {
  if (err instanceof TRPCError) return err;
  if (err instanceof WorkflowUpdateFailedError) {
    const cause = err.cause as { message?: string } | undefined;
    return new TRPCError({ code: 'PRECONDITION_FAILED', message: cause?.message ?? err.message, cause: err });
  }
  if (err instanceof WorkflowNotFoundError) {
    return new TRPCError({ code: 'NOT_FOUND', message: 'No such programme workflow', cause: err });
  }
  if (err instanceof WorkflowExecutionAlreadyStartedError) {
    return new TRPCError({ code: 'CONFLICT', message: 'That programme has already started', cause: err });
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
