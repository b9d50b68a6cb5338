import type { trpc } from '../providers/trpc';

/** audit.* results, read off the API's own procedure types (type-only import). */
type TClient = typeof trpc;
type TOut<P extends { query: (...args: never[]) => Promise<unknown> }> = Awaited<ReturnType<P['query']>>;

export type TAsAt = TOut<TClient['audit']['asAt']>['data'];
export type TDiff = TOut<TClient['audit']['diff']>['data'];
export type THistoryPage = TOut<TClient['audit']['history']>;
export type THistoryRow = THistoryPage['data'][number];
export type TAuditKind = 'programme' | 'action';
export interface TProgrammeAsAtView {
  phase: string;
  grade: string | null;
  version: number;
  planSubmittedOn: string | null;
  clocks: Array<{ name: string; label: string; dueOn: string; status: string; workingDaysLeft: number | null }>;
  visits: Array<{ number: number; theme: string; status: string }>;
  history: Array<{ at: number; summary: string }>;
}
export interface TActionAsAtView {
  status: string;
  title: string;
  percentComplete: number;
  dueOn: string;
  version: number;
  rag: { rag: string; reasons: string[] };
  steps: Array<{ label: string; firedAt: number; outcome: string }>;
  history: Array<{ at: number; summary: string }>;
}
