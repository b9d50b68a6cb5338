/**
 * A tRPC client signed in to a running API over HTTP, as the console would be: it keeps the session
 * cookies the API sets and sends the API's own Origin (mutations are Origin-checked). Used by the
 * fault scenarios and the cluster suite.
 */
import { createTRPCClient, httpLink } from '@trpc/client';
import type { AppRouter } from '@ip/api';
import { DEMO_PASSWORD } from '@ip/db/seed';

export type Trpc = ReturnType<typeof createTRPCClient<AppRouter>>;

export async function signedInClient(apiUrl: string, email: string): Promise<Trpc> {
  const cookies = new Map<string, string>();
  const trpc = createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${apiUrl}/trpc`,
        // tRPC types `input` with a DOM type this tsconfig does not load; Node's fetch takes these.
        async fetch(input: string | URL | Request, init) {
          const headers = new Headers(init?.headers);
          headers.set('cookie', [...cookies].map(([k, v]) => `${k}=${v}`).join('; '));
          headers.set('origin', apiUrl);
          const res = await fetch(input, { ...init, headers, signal: AbortSignal.timeout(60_000) });
          for (const c of res.headers.getSetCookie()) {
            const [k, v] = (c.split(';')[0] ?? '').split('=');
            if (k) cookies.set(k, v ?? '');
          }
          return res;
        },
      }),
    ],
  });
  await trpc.auth.login.mutate({ email, password: DEMO_PASSWORD });
  return trpc;
}
