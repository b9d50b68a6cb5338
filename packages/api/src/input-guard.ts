/**
 * Checks every raw input before any schema or write sees it:
 * - nesting deeper than MAX_INPUT_DEPTH levels (objects and arrays) is refused, naming where: zod
 *   and JSON serialisation recurse, and a deep enough input used to end in "Maximum call stack size
 *   exceeded" with no field named;
 * - text PostgreSQL cannot store, at any depth, in a value or an object key: a NUL character (0x00)
 *   is refused by every text column, and a lone UTF-16 surrogate has no UTF-8 form. Such input is a
 *   client error naming its field, never a 500 from deep inside a write (found by the fuzzers).
 * The walk is iterative, so no input can exhaust the stack here either.
 */
import { fieldError } from './errors.js';

/**
 * The deepest nesting any input may have. The deepest legitimate inputs (a saved view's react-admin
 * list settings inside a command) are under 10 levels; 32 leaves room and bounds the work of every
 * recursive step after this one.
 */
export const MAX_INPUT_DEPTH = 32;

// NUL is what PostgreSQL cannot store in text, so this pattern must name a control character.
// eslint-disable-next-line no-control-regex
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export type InputProblem = { path: (string | number)[]; problem: 'unstorable' | 'too-deep' };

/** The first problem in `value` (depth first, in key order), or null. */
export function inputProblem(value: unknown): InputProblem | null {
  if (typeof value === 'string') return UNSTORABLE.test(value) ? { path: [], problem: 'unstorable' } : null;
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
  while (stack.length > 0) {
    const { value: v, path } = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (path.length >= MAX_INPUT_DEPTH) return { path, problem: 'too-deep' };
    const entries: [string | number, unknown][] = Array.isArray(v) ? v.map((x, i) => [i, x]) : Object.entries(v);
    // Pushed in reverse, so the first key is looked at first and the path reported is the first one.
    for (let i = entries.length - 1; i >= 0; i--) {
      const [k, child] = entries[i]!;
      if (typeof k === 'string' && UNSTORABLE.test(k)) return { path: [...path, k], problem: 'unstorable' };
      if (typeof child === 'string') {
        if (UNSTORABLE.test(child)) return { path: [...path, k], problem: 'unstorable' };
      } else if (child !== null && typeof child === 'object') {
        stack.push({ value: child, path: [...path, k] });
      }
    }
  }
  return null;
}

/** The path of the first string (value or object key) that cannot be stored, if any (at any depth). */
export function unstorableTextAt(value: unknown): (string | number)[] | null {
  const found = inputProblem(value);
  return found?.problem === 'unstorable' ? found.path : null;
}

/** Throws a BAD_REQUEST naming the field if the raw input is too deep or holds text that cannot be stored. */
export function assertStorableText(input: unknown): void {
  const found = inputProblem(input);
  if (!found) return;
  if (found.problem === 'too-deep') {
    throw fieldError(found.path, `nested more than ${MAX_INPUT_DEPTH} levels deep: inputs may nest at most ${MAX_INPUT_DEPTH} objects or arrays`);
  }
  throw fieldError(found.path, 'contains a character that cannot be stored (NUL or an unpaired surrogate)');
}
