import { lazy, type ComponentType } from 'react';

/**
 * A page loaded when first shown, not with the console: `lazyPage(() => import('./KpiList'), 'KpiList')`.
 * The sign-in page and the menu then load without every resource's pages, charts and forms.
 * react-admin's layout shows its loading indicator (a Suspense boundary) while the chunk arrives.
 */
export function lazyPage<M, K extends keyof M>(load: () => Promise<M>, name: K): ComponentType {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}
