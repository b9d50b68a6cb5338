import { lazy, type ComponentType } from 'react';

/**
 * A page loaded when first shown, not with the console: `lazyPage(() => import('./KpiList'), 'KpiList')`.
 * The sign-in page and the menu then load without every resource's pages, charts and forms.
 * react-admin's layout shows its loading indicator (a Suspense boundary) while the chunk arrives.
 *
 * `prefetch` fetches the page as soon as the browser is idle after the first load: for the page
 * shown right after sign-in (the dashboard), so signing in does not wait for its chunks.
 */
export function lazyPage<M, K extends keyof M>(load: () => Promise<M>, name: K, { prefetch = false } = {}): ComponentType {
  let loading: Promise<M> | undefined;
  const once = () => (loading ??= load());
  if (prefetch && typeof window !== 'undefined') {
    const idle = window.requestIdleCallback ? (fn: () => void) => window.requestIdleCallback(fn) : (fn: () => void) => window.setTimeout(fn, 200);
    idle(() => void once().catch(() => (loading = undefined)));
  }
  return lazy(async () => ({ default: (await once())[name] as ComponentType }));
}
