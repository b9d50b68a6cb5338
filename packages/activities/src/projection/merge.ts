import type { ProjectionDelta } from './delta.js';

/**
 * A projection delta applied to a state held in memory: what applyProjection does to the row's JSON,
 * for the in-memory stand-ins of the workflow tests and the bench. Returns the existing state when the
 * delta is a retry; throws on a gap (the workflow tests must never produce one).
 */
export function mergeProjection(existing: { state: Record<string, unknown>; version: number } | undefined, d: ProjectionDelta): { state: Record<string, unknown>; version: number } {
  if (existing && existing.version >= d.version) return existing;
  const fresh = d.fromVersion === 0 && Object.values(d.appended).every((a) => a.from === 0);
  if (!fresh && existing?.version !== d.fromVersion) throw new Error(`projection gap for ${d.id}: row at ${existing?.version ?? 'none'}, delta from ${d.fromVersion}`);
  const state: Record<string, unknown> = { ...d.core };
  for (const [log, a] of Object.entries(d.appended)) {
    const have = fresh ? [] : ((existing?.state[log] as unknown[] | undefined) ?? []);
    if (have.length !== a.from) throw new Error(`projection gap for ${d.id}.${log}: ${have.length} entries, delta from ${a.from}`);
    state[log] = [...have, ...a.items];
  }
  return { state, version: d.version };
}
