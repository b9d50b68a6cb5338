import { useEffect, useRef } from 'react';
import { useAuthState, useRefresh } from 'react-admin';
import { trpc } from './trpc';

/**
 * Keeps every screen current: when any workflow moves (a timer fires, a colleague records
 * something, an escalation is raised) the API pushes the change and the page refetches its data.
 * Refreshes are coalesced to one every two seconds, so a burst of changes is one reload.
 */
export function LiveRefresh(): null {
  const refresh = useRefresh();
  const { authenticated } = useAuthState();
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    if (!authenticated) return;
    const sub = trpc.live.changes.subscribe(undefined, {
      onData: () => {
        pending.current ??= setTimeout(() => {
          pending.current = null;
          refresh();
        }, 2000);
      },
    });
    return () => {
      sub.unsubscribe();
      if (pending.current) clearTimeout(pending.current);
      pending.current = null;
    };
  }, [authenticated, refresh]);
  return null;
}
