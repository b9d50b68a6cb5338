import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { HttpError } from 'react-admin';
import { toHttpError } from './providers/api-error';

export interface TApiQuery<T> {
  data: T | undefined;
  error: HttpError | undefined;
  isPending: boolean;
}

/**
 * A read that is not one of react-admin's dataProvider verbs (the risk heat map, the "as at" panel,
 * a programme's live workflow state). It lives in react-admin's own query cache, so the refresh that
 * follows every command and every live update (useRefresh invalidates every query) refetches it too:
 * nothing on a page stays as it was before the command. `key` names the request: fetched again when
 * the key changes, not at all while it is null; a new key or an unmount aborts the request in flight.
 * While a refetch runs, the last answer stays on screen.
 */
export function useApiQuery<T>(key: string | null, fetcher: (signal: AbortSignal) => Promise<T>): TApiQuery<T> {
  const q = useQuery<T, HttpError>({
    queryKey: ['api', key],
    queryFn: async ({ signal }) => {
      try {
        return await fetcher(signal);
      } catch (error) {
        throw toHttpError(error);
      }
    },
    enabled: key !== null,
    placeholderData: keepPreviousData,
    retry: false,
  });
  return { data: q.data, error: q.error ?? undefined, isPending: key !== null && q.isPending };
}
