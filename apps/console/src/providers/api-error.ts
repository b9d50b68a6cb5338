import { TRPCClientError } from '@trpc/client';
import { HttpError } from 'react-admin';

/** tRPC error codes the API uses (see the API contract). */
export type TApiErrorCode =
  | 'BAD_REQUEST'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'PRECONDITION_FAILED'
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR'
  | 'NETWORK';

/** What react-admin finds in `HttpError.body`. `errors` is read by forms as server-side field errors. */
export interface TApiErrorBody {
  code: TApiErrorCode;
  /** Dotted path -> first message, e.g. `{ 'inspection.reportReceivedOn': '...' }`. */
  errors?: Record<string, string>;
}

interface TErrorData {
  code?: string;
  httpStatus?: number;
  fieldErrors?: Record<string, string[] | undefined>;
}

const STATUS_BY_CODE: Record<string, number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  SERVICE_UNAVAILABLE: 503,
};

const FRIENDLY: Partial<Record<TApiErrorCode, string>> = {
  UNAUTHORIZED: 'Your session has ended. Sign in again.',
  FORBIDDEN: 'Your role does not allow this.',
  SERVICE_UNAVAILABLE: 'The service is temporarily unavailable. Try again in a few minutes.',
  NETWORK: 'Could not reach the server. Check your connection and try again.',
};

/**
 * Turns anything the tRPC client throws into react-admin's `HttpError`, so that `checkError` sees
 * a status (401 logs out) and forms see `body.errors` keyed by dotted field path.
 */
export function toHttpError(error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  if (error instanceof TRPCClientError) {
    const data = (error.data ?? undefined) as TErrorData | undefined;
    if (!data) {
      return new HttpError(FRIENDLY.NETWORK ?? error.message, 0, { code: 'NETWORK' } satisfies TApiErrorBody);
    }
    const code = (data.code ?? 'INTERNAL_SERVER_ERROR') as TApiErrorCode;
    const status = data.httpStatus ?? STATUS_BY_CODE[code] ?? 500;
    const errors = firstMessages(data.fieldErrors) ?? pathFromMessage(code, error.message);
    const body: TApiErrorBody = errors ? { code, errors } : { code };
    return new HttpError(FRIENDLY[code] ?? error.message, status, body);
  }
  const message = error instanceof Error ? error.message : String(error);
  return new HttpError(message, 500, { code: 'INTERNAL_SERVER_ERROR' } satisfies TApiErrorBody);
}

/** The code carried by an error from `toHttpError`, if any. */
export function apiErrorCode(error: unknown): TApiErrorCode | undefined {
  if (error instanceof HttpError) return (error.body as Partial<TApiErrorBody> | undefined)?.code;
  return undefined;
}

/** The server's message for one field (dotted path), from an error made by `toHttpError`. */
export function fieldErrorOf(error: unknown, path: string): string | undefined {
  if (error instanceof HttpError) return (error.body as Partial<TApiErrorBody> | undefined)?.errors?.[path];
  return undefined;
}

/**
 * True when the server definitely refused the command (nothing happened), so a fresh
 * clientRequestId is safe. After a network error or a 5xx the outcome is unknown and a retry must
 * reuse the same id, so that the command has at most one effect.
 */
export function isDefinitiveRejection(error: unknown): boolean {
  const status = error instanceof HttpError ? (error.status as number) : 0;
  return status >= 400 && status < 500;
}

/**
 * A CONFLICT (e.g. a duplicate reference) carries no field errors, but the API words it
 * "risk.ref: the register already has ..." so that a form can still show it against the field.
 */
function pathFromMessage(code: TApiErrorCode, message: string): Record<string, string> | undefined {
  if (code !== 'CONFLICT' && code !== 'BAD_REQUEST') return undefined;
  const match = /^([A-Za-z]\w*(?:\.\w+)+|[A-Za-z]\w*): (\S[^\n]*)$/.exec(message);
  const [, path, text] = match ?? [];
  return path && text ? { [path]: text.charAt(0).toUpperCase() + text.slice(1) } : undefined;
}

function firstMessages(fieldErrors: TErrorData['fieldErrors']): Record<string, string> | undefined {
  if (!fieldErrors) return undefined;
  const out: Record<string, string> = {};
  for (const [path, messages] of Object.entries(fieldErrors)) {
    const first = messages?.[0];
    if (first) out[path] = first;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}
