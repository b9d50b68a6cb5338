import { useGetList, useStore } from 'react-admin';
import type { TProgrammeRecord } from './types';

/** Where the chosen programme is remembered (react-admin's store: this browser, across visits). */
const STORE_KEY = 'ip.currentProgrammeId';

export interface TCurrentProgramme {
  programme: TProgrammeRecord | undefined;
  programmes: TProgrammeRecord[];
  setProgrammeId: (id: string) => void;
  isPending: boolean;
  error: unknown;
}

/**
 * The programme the dashboard and the registers are about. A council usually runs one programme
 * at a time, so the default is the first open one (oldest first); a choice made in any programme
 * picker is remembered and followed everywhere.
 */
export function useCurrentProgramme(): TCurrentProgramme {
  const [storedId, setProgrammeId] = useStore<string | undefined>(STORE_KEY, undefined);
  const { data, isPending, error } = useGetList<TProgrammeRecord>('programmes', {
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'startedAt', order: 'ASC' },
  });
  const programmes = data ?? [];
  const programme =
    programmes.find((p) => p.id === storedId) ?? programmes.find((p) => p.phase !== 'closed') ?? programmes[0];
  return { programme, programmes, setProgrammeId, isPending, error };
}

/** "Northmoor Borough Council", with the cycle when an authority has had more than one. */
export function programmeName(p: Pick<TProgrammeRecord, 'authorityName' | 'cycle'>): string {
  return p.cycle > 1 ? `${p.authorityName} (cycle ${p.cycle})` : p.authorityName;
}
