/**
 * What a workflow checks of an Update payload or a start argument, without zod.
 *
 * Why not the zod schemas: Temporal evaluates every module a workflow imports once per workflow, so
 * zod and the hundreds of schemas built at module load cost each open workflow megabytes (see
 * ../workflow.ts). The schemas stay the full contract at the edges: the API parses every command
 * with them before it becomes an Update (and sends the parsed value). Inside the workflow this module
 * keeps what the workflow itself depends on: who did it and why, real calendar dates (a bad one would
 * make the reducer throw a RangeError and fail the workflow task), the fields the command carries
 * (unknown keys are dropped, as zod drops them) and the same trimming, so an Update sent straight to
 * Temporal is still refused with the field's name and never reaches history.
 */
import { inputDateProblem } from '../calendar/iso-date.js';
import { REASON_MAX, REASON_MIN, REASON_TOO_LONG, REASON_TOO_SHORT, ROLES, type TRole } from '../schemas/roles.js';
import { ladderProblem, ladderWithDefaults, type TLadder } from '../escalation/ladder.js';
import { LifecycleRejection } from './reducer.js';

/**
 * How one field is checked: a real 'YYYY-MM-DD' date, a non-blank string (returned trimmed), a whole
 * percentage (0–100), or any value; with '?' the field may be absent (then it is left out, as zod leaves it out).
 */
export type FieldCheck = 'date' | 'date?' | 'text' | 'text?' | 'percent' | 'value' | 'value?';

/** Actor and reason: required on a human command, optional on a start argument, none for a child's args. */
export type MetaCheck = 'human' | 'optional' | 'none';

export interface CheckedActor {
  userId: string;
  role: TRole;
  name?: string;
}

const reject = (path: string, message: string): never => {
  throw new LifecycleRejection(`${path}: ${message}`);
};

/** The actor as ZActor parses it (userId, role, optional name; nothing else). */
export function checkedActor(raw: unknown, path = 'actor'): CheckedActor {
  if (!raw || typeof raw !== 'object') return reject(path, 'a signed-in user is required');
  const a = raw as Record<string, unknown>;
  if (typeof a.userId !== 'string' || a.userId.length < 1) reject(`${path}.userId`, 'a signed-in user is required');
  if (!ROLES.includes(a.role as TRole)) reject(`${path}.role`, `expected one of ${ROLES.join(', ')}`);
  if (a.name !== undefined && typeof a.name !== 'string') reject(`${path}.name`, 'expected text');
  return { userId: a.userId as string, role: a.role as TRole, ...(a.name !== undefined ? { name: a.name as string } : {}) };
}

/** The reason as ZCommandMeta parses it: trimmed, 3–2000 characters. */
export function checkedReason(raw: unknown): string {
  const r = typeof raw === 'string' ? raw.trim() : '';
  if (r.length < REASON_MIN) reject('reason', REASON_TOO_SHORT);
  if (r.length > REASON_MAX) reject('reason', REASON_TOO_LONG);
  return r;
}

function checkedField(path: string, check: FieldCheck, value: unknown): unknown {
  const kind = check.replace('?', '');
  if (kind === 'date') {
    const problem = typeof value === 'string' ? inputDateProblem(value) : 'expected a date in YYYY-MM-DD form';
    return problem ? reject(path, problem) : value;
  }
  if (kind === 'percent') {
    return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 100 ? value : reject(path, 'a whole percentage from 0 to 100');
  }
  if (kind === 'text') {
    const t = typeof value === 'string' ? value.trim() : '';
    return t ? t : reject(path, 'Required');
  }
  return value;
}

/**
 * The payload with only the listed fields (checked, in the listed order), then actor and reason;
 * `path` prefixes field names in messages (e.g. 'definition').
 * @throws LifecycleRejection "field: message" for the first field that fails, so a validator
 * refuses it exactly as it refuses an impossible transition.
 */
export function checkedPayload<T>(raw: unknown, fields: Record<string, FieldCheck>, meta: MetaCheck = 'human', path?: string): T {
  if (!raw || typeof raw !== 'object') return reject(path ?? 'payload', 'expected an object');
  const p = raw as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, check] of Object.entries(fields)) {
    const at = path ? `${path}.${key}` : key;
    if (p[key] === undefined) {
      if (check.endsWith('?')) continue;
      reject(at, 'Required');
    }
    out[key] = checkedField(at, check, p[key]);
  }
  if (meta === 'human') {
    out.actor = checkedActor(p.actor);
    out.reason = checkedReason(p.reason);
  } else if (meta === 'optional') {
    if (p.actor !== undefined) out.actor = checkedActor(p.actor);
    if (p.reason !== undefined) out.reason = typeof p.reason === 'string' ? p.reason.trim() : reject('reason', 'expected text');
  }
  return out as T;
}

/** A ladder given to a workflow, with its defaults (ladderWithDefaults), or undefined if none was given. */
export function checkedLadder(raw: unknown, path = 'ladder'): TLadder | undefined {
  if (raw === undefined) return undefined;
  const problem = ladderProblem(raw, path);
  if (problem) throw new LifecycleRejection(problem);
  return ladderWithDefaults(raw as TLadder);
}
