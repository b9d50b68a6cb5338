/**
 * Unknown keys are refused, by name, on every procedure — commands included. zod's default object
 * drops keys it does not know, so a command sent with a misspelt optional field (`duedate` for
 * `dueDate`, `reasn`) used to succeed without it and nobody was told. Reads were made strict schema
 * by schema; commands share their schemas with the workflows and the console's forms, where
 * strictness would be wrong (a stored state from an older version, a form's extra values), so the
 * rule is applied here, at the API's edge, to the raw input.
 *
 * The check reads the JSON Schema of each procedure's input as zod describes it (`io: 'input'`):
 * an object that lists its properties and says nothing of others is one zod would strip, and a key
 * it does not list is refused. Records (`additionalProperties` a schema) and objects that already
 * refuse unknown keys (`false`, zod says so itself) are left to zod. Wrong types are left to zod.
 */
import { z } from 'zod';
import { TRPCError } from '@trpc/server';

type Json = {
  $ref?: string;
  $defs?: Record<string, Json>;
  type?: string | string[];
  properties?: Record<string, Json>;
  additionalProperties?: boolean | Json;
  items?: Json | boolean;
  prefixItems?: Json[];
  anyOf?: Json[];
  oneOf?: Json[];
  allOf?: Json[];
};

export interface UnknownKey {
  /** Where the object is. */
  path: (string | number)[];
  key: string;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The JSON Schema of a zod input schema, as the unknown-key walk reads it. */
export function inputJsonSchema(schema: z.ZodType): Json {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Json;
}

/**
 * The keys of `value` that `schema` does not know, at any depth, in walk order. For a union, the
 * branch that leaves fewest unknown keys is taken (none, if the value fits one).
 */
export function unknownKeys(root: Json, value: unknown): UnknownKey[] {
  const resolve = (s: Json): Json => {
    let at = s;
    // "#" is the root itself (a recursive schema); "#/$defs/Name" a named part.
    for (let hops = 0; at.$ref !== undefined && hops < 32; hops++) {
      const ref: string = at.$ref;
      at = ref === '#' ? root : (root.$defs?.[decodeURIComponent(ref.replace(/^#\/\$defs\//, ''))] ?? {});
    }
    return at;
  };
  const walk = (schema: Json | boolean | undefined, v: unknown, path: (string | number)[], depth: number): UnknownKey[] => {
    // The input guard has already bounded nesting; this bound is for a schema that refers to itself.
    if (schema === undefined || typeof schema === 'boolean' || depth > 64) return [];
    const s = resolve(schema);
    const branches = s.anyOf ?? s.oneOf;
    if (branches && branches.length > 0) {
      let best: UnknownKey[] | null = null;
      for (const branch of branches) {
        const found = walk(branch, v, path, depth + 1);
        if (best === null || found.length < best.length) best = found;
        if (found.length === 0) break;
      }
      return best ?? [];
    }
    if (s.allOf) {
      // An intersection: a key is known if any part knows it; others are open if any part is.
      const parts = s.allOf.map(resolve);
      const open = parts.some((p) => !p.properties || (p.additionalProperties !== undefined && p.additionalProperties !== false));
      const properties = Object.assign({}, ...parts.map((p) => p.properties ?? {})) as Record<string, Json>;
      return walk({ properties, additionalProperties: open ? {} : undefined }, v, path, depth + 1);
    }
    if (Array.isArray(v)) {
      return v.flatMap((item, i) => walk(s.prefixItems?.[i] ?? s.items, item, [...path, i], depth + 1));
    }
    // No properties listed and no schema for others: any value (z.unknown(), z.any()).
    if (!isPlainObject(v) || (!s.properties && typeof s.additionalProperties !== 'object')) return [];
    const properties = s.properties ?? {};
    const out: UnknownKey[] = [];
    for (const [key, child] of Object.entries(v)) {
      const known = Object.hasOwn(properties, key) ? properties[key] : undefined;
      if (known !== undefined) out.push(...walk(known, child, [...path, key], depth + 1));
      else if (s.additionalProperties === undefined) out.push({ path, key });
      else if (typeof s.additionalProperties === 'object') out.push(...walk(s.additionalProperties, child, [...path, key], depth + 1));
    }
    return out;
  };
  return walk(root, value, [], 0);
}

/**
 * BAD_REQUEST naming each unknown key ("risk.colour: is not a field this accepts"), as zod's strict
 * objects are reported, together with whatever else the schema finds wrong: a misspelt required
 * field is both unknown under its wrong name and missing under its right one, and both are said.
 */
export function unknownKeysError(found: UnknownKey[], schema?: z.ZodType, raw?: unknown): TRPCError {
  let others: z.core.$ZodIssue[] = [];
  try {
    others = schema?.safeParse(raw).error?.issues ?? [];
  } catch {
    // A schema with async refinements cannot be checked here; its own parse reports the rest later.
  }
  // Made by a failing parse, so the error formatter fills fieldErrors as for any schema error.
  const cause = z
    .unknown()
    .superRefine((_, ctx) => {
      for (const { path, key } of found) ctx.addIssue({ code: 'unrecognized_keys', keys: [key], path, message: `Unrecognized key: "${key}"` });
      for (const issue of others) ctx.addIssue(issue as never);
    })
    .safeParse(undefined).error;
  const names = found.map(({ path, key }) => [...path, key].join('.'));
  return new TRPCError({ code: 'BAD_REQUEST', message: `${names.join(', ')}: not a field this accepts`, cause });
}

/** Per procedure path, the JSON Schema of its input (made on first use). */
export class KnownKeys {
  private readonly schemas = new Map<string, z.ZodType | null>();
  private readonly json = new Map<string, Json | null>();

  /** Records each procedure's input schema; `procedures` is a router's `_def.procedures`. */
  register(procedures: Record<string, unknown>): void {
    for (const [path, p] of Object.entries(procedures)) {
      const inputs = (p as { _def?: { inputs?: z.ZodType[] } })._def?.inputs ?? [];
      this.schemas.set(path, inputs[0] ?? null);
    }
  }

  has(path: string): boolean {
    return this.schemas.has(path);
  }

  /** Throws BAD_REQUEST naming the unknown keys in `raw`, if it has any. */
  assertKnown(path: string, raw: unknown): void {
    if (!this.json.has(path)) {
      const schema = this.schemas.get(path);
      this.json.set(path, schema ? inputJsonSchema(schema) : null);
    }
    const json = this.json.get(path);
    if (!json) return;
    const found = unknownKeys(json, raw);
    if (found.length > 0) throw unknownKeysError(found, this.schemas.get(path) ?? undefined, raw);
  }
}

/** The API's one registry: root.ts registers the app router, trpc.ts checks every call against it. */
export const knownKeys = new KnownKeys();
