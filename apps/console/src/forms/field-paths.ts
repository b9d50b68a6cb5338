/**
 * For react-admin `update` commands the API validates `{ id, data: {...} }`, so its field errors
 * are named `data.risk.title` while the form's input is `risk.title`. This maps one onto the other
 * (useCommand's `rename`).
 */
export function updatePaths(fields: readonly string[]): Record<string, string> {
  return Object.fromEntries(fields.map((f) => [`data.${f}`, f]));
}

/** The shared schema's field names under a prefix, e.g. `kpi.name`, for inline server errors. */
export function prefixed<K extends string>(prefix: string, keys: readonly K[]): string[] {
  return keys.map((k) => `${prefix}.${k}`);
}
