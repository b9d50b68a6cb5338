/**
 * Hostile inputs for any tRPC procedure, derived from its zod input schema (through zod's own JSON
 * Schema export), so a new procedure is fuzzed the moment it exists. An input is one of:
 * - `valid`: shaped by the schema (strings of the allowed lengths and patterns, dates as real ISO dates);
 * - `replaced`: a valid input with one field (at any depth) replaced by a hostile value;
 * - `missing`: a valid input with one required field removed;
 * - `extra`: a valid input with unexpected fields added;
 * - `garbage`: anything at all (wrong top-level type, prototype-polluting keys, ...).
 */
import fc from 'fast-check';
import { z } from 'zod';

type Json = Record<string, unknown>;
type Path = (string | number)[];

export interface HostileInput {
  kind: 'valid' | 'replaced' | 'missing' | 'extra' | 'garbage';
  input: unknown;
  /** The valid input it was made from (absent for garbage). */
  base?: unknown;
  /** The field that was replaced or removed. */
  path?: Path;
}

/** Dates that do not exist, or are not dates in the ISO form the API takes. */
export const IMPOSSIBLE_DATES = [
  '2026-02-30', '2025-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-06-00', '0000-00-00',
  '2026-6-4', '04/06/2026', '4 June 2026', '2026-06-04T25:00:00Z', '+275760-09-13', '9999-99-99', '2026-06-04\u0000',
];

export const HTML = [
  '<img src=x onerror="window.__pwned=1">', '<script>window.__pwned=1</script>', '"><svg onload=alert(1)>',
  'javascript:alert(1)', '<a href="javascript:alert(1)">x</a>', '{{constructor.constructor("alert(1)")()}}',
  "'; DROP TABLE \"Action\"; --",
];

const HUGE = ['x'.repeat(70_000), '\u{1F600}'.repeat(40_000), 'a'.repeat(1_000_001)];

/** A value of the wrong kind, or of the right kind but malicious, oversized or malformed. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(null, undefined, true, false, 0, -1, 1.5, NaN, Infinity, -Infinity, Number.MAX_SAFE_INTEGER + 2, 1e308, -0),
  fc.constantFrom<unknown>('', ' ', '\t\n', '\u0000', 'a\u0000b', '\uD800', 'x\uDFFFy', '\u202e\u200b', 'null', 'undefined', '__proto__', '-1', '1e9999'),
  fc.constantFrom(...IMPOSSIBLE_DATES),
  fc.constantFrom(...HTML),
  fc.constantFrom(...HUGE),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.integer(),
  fc.double(),
  fc.array(fc.anything({ maxDepth: 1 }), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.anything({ maxDepth: 1 }), { maxKeys: 4 }),
  fc.constantFrom<unknown>(JSON.parse('{"__proto__":{"polluted":true}}'), { constructor: { prototype: { polluted: true } } }),
);

const DATE_NAME = /(On|Date|date|Day|Due)$/;

/** A real calendar date, 2000–2035, as YYYY-MM-DD. */
const isoDate = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

function stringFor(s: Json, name: string, known: Record<string, string>): fc.Arbitrary<string> {
  if (name in known) return fc.constant(known[name]!);
  if (s.format === 'email') return fc.emailAddress().filter((e) => e.length <= ((s.maxLength as number) ?? 254));
  if (s.format === 'date' || (DATE_NAME.test(name) && !s.pattern)) return isoDate;
  const minLength = (s.minLength as number) ?? 0;
  const maxLength = Math.min((s.maxLength as number) ?? 40, minLength + 40);
  if (typeof s.pattern === 'string') {
    return fc.stringMatching(new RegExp(s.pattern)).filter((v) => v.length >= minLength && v.length <= ((s.maxLength as number) ?? Infinity));
  }
  return fc.string({ unit: 'grapheme-ascii', minLength, maxLength }).filter((v) => v.trim().length >= minLength);
}

/** A value the schema describes (best effort: refinements the JSON Schema cannot express may still reject it). */
function validFor(s: Json | boolean | undefined, name: string, known: Record<string, string>, depth = 0): fc.Arbitrary<unknown> {
  if (!s || s === true || depth > 6) return fc.jsonValue({ maxDepth: 1 });
  if ('const' in s) return fc.constant(s.const);
  if (Array.isArray(s.enum)) return fc.constantFrom(...(s.enum as unknown[]));
  const alternatives = (s.anyOf ?? s.oneOf) as Json[] | undefined;
  if (alternatives) return fc.oneof(...alternatives.map((a) => validFor(a, name, known, depth + 1)));
  if (Array.isArray(s.allOf) && s.allOf.length) return validFor(s.allOf[0] as Json, name, known, depth + 1);
  const type = Array.isArray(s.type) ? (s.type as string[]).find((t) => t !== 'null') : (s.type as string | undefined);
  switch (type) {
    case 'string':
      return stringFor(s, name, known);
    case 'integer':
    case 'number': {
      const min = (s.minimum as number) ?? ((s.exclusiveMinimum as number) ?? -1e6) + (type === 'integer' ? 1 : 1e-6);
      const max = (s.maximum as number) ?? ((s.exclusiveMaximum as number) ?? 1e6) - (type === 'integer' ? 1 : 1e-6);
      return type === 'integer'
        ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) })
        : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
    }
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const minLength = (s.minItems as number) ?? 0;
      return fc.array(validFor(s.items as Json, name, known, depth + 1), { minLength, maxLength: Math.min((s.maxItems as number) ?? 3, minLength + 3) });
    }
    case 'object': {
      const props = (s.properties ?? {}) as Record<string, Json>;
      const required = new Set((s.required ?? []) as string[]);
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, v] of Object.entries(props)) record[k] = validFor(v, k, known, depth + 1);
      const fixed = fc.record(record, { requiredKeys: Object.keys(props).filter((k) => required.has(k)) });
      if (s.additionalProperties && typeof s.additionalProperties === 'object') {
        const keySchema = (s.propertyNames ?? { type: 'string', minLength: 1, maxLength: 20 }) as Json;
        const dict = fc.dictionary(stringFor(keySchema, '', {}), validFor(s.additionalProperties as Json, name, known, depth + 1), { maxKeys: 2 });
        return fc.tuple(fixed, dict).map(([a, b]) => ({ ...b, ...a }));
      }
      return fixed;
    }
    default:
      return fc.jsonValue({ maxDepth: 1 });
  }
}

/** Every path (to a property or array element) inside a value, with whether the schema requires it. */
function pathsOf(value: unknown, s: Json | undefined, prefix: Path = []): { path: Path; required: boolean }[] {
  if (value === null || typeof value !== 'object') return [];
  const out: { path: Path; required: boolean }[] = [];
  const required = new Set(((s?.required ?? []) as string[]));
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  for (const [k, v] of entries) {
    const child = (Array.isArray(value) ? s?.items : (s?.properties as Record<string, Json> | undefined)?.[k as string]) as Json | undefined;
    out.push({ path: [...prefix, k], required: typeof k === 'string' && required.has(k) });
    out.push(...pathsOf(v, child, [...prefix, k]));
  }
  return out;
}

function withAt(value: unknown, path: Path, replacement: { set: unknown } | 'delete'): unknown {
  const copy: unknown = structuredClone(value);
  let at = copy as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) at = at[k] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (replacement === 'delete') delete at[last];
  else at[last] = replacement.set;
  return copy;
}

/**
 * Hostile inputs for one procedure's input schema. `known` gives fixed valid values for fields by
 * name (e.g. the rig's programme id), so valid inputs reach the server-side checks.
 */
export function hostileInputs(schema: z.ZodType | undefined, known: Record<string, string> = {}): fc.Arbitrary<HostileInput> {
  const garbage = fc.oneof(fc.anything({ maxDepth: 3, withNullPrototype: true }), hostileValue).map((input): HostileInput => ({ kind: 'garbage', input }));
  if (!schema) return garbage;
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Json;
  const valid = validFor(json, '', known);
  const replaced = fc.tuple(valid, fc.nat(), hostileValue).chain(([base, n, value]) => {
    const paths = pathsOf(base, json);
    if (!paths.length) return fc.constant<HostileInput>({ kind: 'garbage', input: value });
    const { path } = paths[n % paths.length]!;
    return fc.constant<HostileInput>({ kind: 'replaced', base, path, input: withAt(base, path, { set: value }) });
  });
  const missing = fc.tuple(valid, fc.nat()).map(([base, n]): HostileInput => {
    const paths = pathsOf(base, json).filter((p) => p.required);
    if (!paths.length) return { kind: 'valid', input: base, base };
    const { path } = paths[n % paths.length]!;
    return { kind: 'missing', base, path, input: withAt(base, path, 'delete') };
  });
  const extraKey = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'id', 'createdAt', 'role', 'userId', 'admin'), fc.string({ maxLength: 12 }));
  const extra = fc.tuple(valid, fc.dictionary(extraKey, hostileValue, { minKeys: 1, maxKeys: 3 }))
    .map(([base, more]): HostileInput => ({ kind: 'extra', base, input: base && typeof base === 'object' && !Array.isArray(base) ? { ...more, ...base } : more }));
  return fc.oneof(
    { arbitrary: valid.map((input): HostileInput => ({ kind: 'valid', input, base: input })), weight: 1 },
    { arbitrary: replaced, weight: 4 },
    { arbitrary: missing, weight: 2 },
    { arbitrary: extra, weight: 1 },
    { arbitrary: garbage, weight: 1 },
  );
}
