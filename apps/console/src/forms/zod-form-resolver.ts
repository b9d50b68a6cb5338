import { zodResolver } from '@hookform/resolvers/zod';
import type { FormProps } from 'react-admin';

type TSchema = Parameters<typeof zodResolver>[0];
/** The resolver type react-admin's <Form>/<SimpleForm> accept. */
type TFormResolver = NonNullable<FormProps['resolver']>;

/**
 * zodResolver over a shared domain schema, with two console-only touches:
 * - the empty values inputs produce ('' from a cleared text or select, null from a cleared date)
 *   become "not given", so optional fields in the domain schema stay optional in the form;
 * - a missing required value gets the message from `required` (GOV.UK style: "Select the type of
 *   inspection"), instead of zod's "Invalid input". Messages the domain schema sets itself win.
 */
export function zodFormResolver(
  schema: TSchema,
  required: Record<string, string> = {},
  /** Turns the form's values into the command's input before the schema sees them (see commandInput). */
  prepare: (values: Record<string, unknown>) => Record<string, unknown> = (v) => v,
): TFormResolver {
  const resolve = zodResolver(schema, {
    error: (issue) => {
      if (issue.input !== undefined) return undefined;
      const path = (issue.path ?? []).join('.');
      // A row of a list ("actions.2.title") takes the message given for every row ("actions.title").
      const rowPath = (issue.path ?? []).filter((k) => typeof k !== 'number').join('.');
      return required[path] ?? required[rowPath] ?? 'Enter a value';
    },
  });
  const withoutEmptyValues: typeof resolve = (values, context, options) =>
    resolve(prepare(withoutEmpty(values) as Record<string, unknown>), context, options);
  return withoutEmptyValues;
}

/** Drops '' and null values, recursively (arrays are kept, minus their empties). */
export function withoutEmpty(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutEmpty).filter((v) => v !== undefined);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const cleaned = withoutEmpty(v);
      if (cleaned !== undefined) out[k] = cleaned;
    }
    return out;
  }
  return value === '' || value === null ? undefined : value;
}

/**
 * Stands in for the clientRequestId while the form validates: useCommand supplies the real one when
 * it sends, so the form can be checked against the API's whole input schema, ids included.
 */
const REQUEST_ID_PLACEHOLDER = 'minted-by-useCommand';

/** `prepare` for a command form: the ids the console supplies (programmeId, actionId...) plus a request id. */
export function commandInput(fixed: Record<string, unknown>, convert: (values: Record<string, unknown>) => Record<string, unknown> = (v) => v) {
  return (values: Record<string, unknown>) => ({ ...convert(values), ...fixed, clientRequestId: REQUEST_ID_PLACEHOLDER });
}

/** A multi-line text answer as a list, one item a line (inspectors, findings...); blank lines dropped. */
export function linesToList(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  return value.split('\n').map((line) => line.trim()).filter((line) => line.length > 0);
}
