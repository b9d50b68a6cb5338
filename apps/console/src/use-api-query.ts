import { useEffect, useState } from 'react';
import type { HttpError } from 'react-admin';
import { toHttpError } from './providers/api-error';

export interface TApiQuery<T> {
  data: T | undefined;
  error: HttpError | undefined;
  isPending: boolean;
}

/**
 * A read that is not one of react-admin's dataProvider verbs (the risk heat map, a programme's live
 * workflow state). `key` names the request: it is fetched again when the key changes, and not at
 * all while the key is null. An unmount or a new key aborts the request in flight.
 */
export function useApiQuery<T>(key: string | null, fetcher: (signal: AbortSignal) => Promise<T>): TApiQuery<T> {
  const [state, setState] = useState<TApiQuery<T>>({ data: undefined, error: undefined, isPending: key !== null });
  useEffect(() => {
    if (key === null) return undefined;
    const controller = new AbortController();
    setState((s) => ({ ...s, isPending: true }));
    fetcher(controller.signal).then(
      (data) => !controller.signal.aborted && setState({ data, error: undefined, isPending: false }),
      (error: unknown) => !controller.signal.aborted && setState({ data: undefined, error: toHttpError(error), isPending: false }),
    );
    return () => controller.abort();
    // The key stands for the fetcher's inputs; a new fetcher closure for the same key is the same request.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return state;
}
