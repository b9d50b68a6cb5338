import { createTRPCClient, httpBatchLink } from '@trpc/client';
import type { AppRouter } from '@ip/api';

/**
 * The one tRPC client the console uses. The API serves the console from the same origin, so the
 * URL is relative; the session lives in an httpOnly cookie, hence `credentials: 'include'`.
 * No transformer: the API speaks plain JSON and dates travel as ISO strings.
 */
export const trpc = createTRPCClient<AppRouter>({
  links: [
    httpBatchLink({
      url: '/trpc',
      fetch: (url, options) => fetch(url, { ...options, credentials: 'include' }),
    }),
  ],
});
