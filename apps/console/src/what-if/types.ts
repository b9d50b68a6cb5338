import type { trpc } from '../providers/trpc';

/** whatIf.* answers, read off the API's own procedure types (type-only import). */
type TClient = typeof trpc;
type TOut<P extends { query: (...args: never[]) => Promise<{ data: unknown }> }> = Awaited<ReturnType<P['query']>>['data'];

export type TActionWhatIf = TOut<TClient['whatIf']['action']>;
export type TClockWhatIf = TOut<TClient['whatIf']['clock']>;
export type TWhatIfStep = TActionWhatIf['asItStands']['steps'][number];
export type TActionWeek = TActionWhatIf['asItStands']['weeks'][number];
export type TClockWeek = TClockWhatIf['onTime']['weeks'][number];
export type TComparison = NonNullable<TActionWhatIf['comparison']>;
export type TFigureChange = TActionWhatIf['figures']['changes'][number];
