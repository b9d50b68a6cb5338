import type { trpc } from './providers/trpc';
import type { TAuthorityRecord } from './authorities/types';
import type { TProgrammeRecord } from './programmes/types';

/**
 * Compile-time check that the API still returns what the console reads. The dataProvider is generic
 * (react-admin records are untyped), so without this a renamed field would only show up as an empty
 * column. `pnpm --filter @ip/console typecheck` fails here when the contract drifts.
 *
 * Enum-like columns (phase, grades) are read from the database as plain strings today, so they are
 * checked as strings; the console shows an unknown value as its raw text rather than failing.
 */
type TClient = typeof trpc;
type TOneOf<P extends { query: (...args: never[]) => Promise<{ data: unknown }> }> = Awaited<ReturnType<P['query']>>['data'];
type TAssignable<T extends U, U> = T;
type TWiden<T, K extends keyof T> = Omit<T, K> & { [P in K]: T[P] | string };

export type TProgrammeContract = TAssignable<
  TOneOf<TClient['programmes']['getOne']>,
  TWiden<TProgrammeRecord, 'phase' | 'grade'>
>;
export type TAuthorityContract = TAssignable<TOneOf<TClient['authorities']['getOne']>, TWiden<TAuthorityRecord, 'currentGrade'>>;
