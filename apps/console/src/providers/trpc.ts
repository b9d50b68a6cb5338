import { createTRPCClient, httpBatchLink, httpLink, httpSubscriptionLink, splitLink } from '@trpc/client';
import type { AppRouter } from '@ip/api';

/**
 * Reads answered by asking the running workflow (Temporal) rather than the database. They can be
 * slow or fail when Temporal or its worker is down, so they travel on their own: in a batch they
 * would hold back every database read sent with them (the whole dashboard).
 */
const UNBATCHED = new Set(['programmes.live']);

const fetchWithCookies: typeof fetch = (url, options) => fetch(url, { ...options, credentials: 'include' });

/**
 * The one tRPC client the console uses. The API serves the console from the same origin, so the
 * URL is relative; the session lives in an httpOnly cookie, hence `credentials: 'include'`.
 * No transformer: the API speaks plain JSON and dates travel as ISO strings.
 */
export const trpc = createTRPCClient<AppRouter>({
  links: [
    splitLink({
      // Live updates arrive as server-sent events (EventSource sends the session cookie itself).
      condition: (op) => op.type === 'subscription',
      true: httpSubscriptionLink({ url: '/trpc', eventSourceOptions: () => ({ withCredentials: true }) }),
      false: splitLink({
        condition: (op) => UNBATCHED.has(op.path),
        true: httpLink({ url: '/trpc', fetch: fetchWithCookies }),
        false: httpBatchLink({ url: '/trpc', fetch: fetchWithCookies }),
      }),
    }),
  ],
});
