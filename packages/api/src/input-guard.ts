/**
 * Text PostgreSQL cannot store: a NUL character (0x00) is refused by every text column, and a lone
 * UTF-16 surrogate has no UTF-8 form. Such input is a client error naming its field, never a 500
 * from deep inside a write (found by the mutation fuzzer).
 */
import { fieldError } from './errors.js';

const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The path of the first string (value or object key) in `value` that cannot be stored, if any. */
export function unstorableTextAt(value: unknown, path: (string | number)[] = [], depth = 0): (string | number)[] | null {
  if (typeof value === 'string') return UNSTORABLE.test(value) ? path : null;
  if (value === null || typeof value !== 'object' || depth > 32) return null;
  const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
  for (const [k, v] of entries) {
    if (typeof k === 'string' && UNSTORABLE.test(k)) return [...path, k];
    const found = unstorableTextAt(v, [...path, k], depth + 1);
    if (found) return found;
  }
  return null;
}

/** Throws a BAD_REQUEST naming the field if the raw input holds text that cannot be stored. */
export function assertStorableText(input: unknown): void {
  const at = unstorableTextAt(input);
  if (at) throw fieldError(at, 'contains a character that cannot be stored (NUL or an unpaired surrogate)');
}
