import { useGetList } from 'react-admin';
import type { TWorkstreamRecord } from '../api-types';

/**
 * A programme's workstream names by key: actions keep the workstream's key (`front-door`), people
 * read its name ("Front door and MASH"). Shared by every screen that shows an action's workstream.
 */
export function useWorkstreamNames(programmeId: string | null | undefined): { names: Map<string, string>; workstreams: TWorkstreamRecord[] } {
  const { data } = useGetList<TWorkstreamRecord>(
    'workstreams',
    { filter: { programmeId }, pagination: { page: 1, perPage: 100 }, sort: { field: 'priorityNumber', order: 'ASC' } },
    { enabled: Boolean(programmeId) },
  );
  const names = new Map<string, string>();
  for (const w of data ?? []) {
    names.set(w.key, w.name);
    names.set(w.name, w.name);
  }
  return { names, workstreams: data ?? [] };
}

/** The name for a key; a key no workstream has any more reads as words, never as the raw key. */
export function workstreamName(names: Map<string, string>, key: string | null | undefined): string | null {
  if (!key) return null;
  return names.get(key) ?? key.replaceAll('-', ' ').replace(/^./, (c) => c.toUpperCase());
}
