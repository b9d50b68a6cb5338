import type { DataProvider } from 'react-admin';
import { trpc } from './trpc';
import { toHttpError } from './api-error';
import { newClientRequestId } from '../request-id';

/**
 * The API's resource routers are named after react-admin's dataProvider verbs, so the whole
 * dataProvider is one mapping: (resource, verb) -> tRPC procedure `${resource}.${verb}`
 * (getManyReference excepted, see below).
 * Reads are queries, writes are mutations. Each verb only decides what input the procedure gets:
 * react-admin's params minus `meta` and `signal` (an AbortSignal is not JSON; it goes to the link).
 */
type TParams = Record<string, unknown> & { signal?: AbortSignal };

interface TVerb {
  kind: 'query' | 'mutation';
  /** The procedure called; a verb's own name unless it is served by another verb. */
  procedure?: string;
  input: (params: TParams) => unknown;
}

const VERBS = {
  getList: { kind: 'query', input: (p) => ({ pagination: p.pagination, sort: p.sort, filter: p.filter ?? {} }) },
  getOne: { kind: 'query', input: (p) => ({ id: p.id }) },
  getMany: { kind: 'query', input: (p) => ({ ids: p.ids }) },
  // "Records of this resource whose `target` is `id`" is getList with that filter, as in
  // ra-data-simple-rest: routers need no separate procedure, only the target in their filter.
  getManyReference: {
    kind: 'query',
    procedure: 'getList',
    input: (p) => ({
      pagination: p.pagination,
      sort: p.sort,
      filter: { ...(p.filter as Record<string, unknown> | undefined), [String(p.target)]: p.id },
    }),
  },
  create: { kind: 'mutation', input: (p) => p.data },
  update: { kind: 'mutation', input: (p) => ({ id: p.id, data: p.data }) },
  updateMany: { kind: 'mutation', input: (p) => ({ ids: p.ids, data: p.data }) },
  // Every command takes a request id; react-admin's delete has none, so one is made per call
  // (or taken from meta.clientRequestId, for a caller that retries).
  delete: { kind: 'mutation', input: (p) => ({ id: p.id, clientRequestId: requestIdOf(p) }) },
  deleteMany: { kind: 'mutation', input: (p) => ({ ids: p.ids, clientRequestId: requestIdOf(p) }) },
} satisfies Record<string, TVerb>;

type TVerbName = keyof typeof VERBS;

function requestIdOf(p: TParams): string {
  const fromMeta = (p.meta as { clientRequestId?: unknown } | undefined)?.clientRequestId;
  return typeof fromMeta === 'string' ? fromMeta : newClientRequestId();
}

interface TProcedure {
  query: (input: unknown, opts?: { signal?: AbortSignal }) => Promise<unknown>;
  mutate: (input: unknown) => Promise<unknown>;
}

/** The typed client indexed generically: every `router.procedure` path is a proxy in tRPC v11. */
const procedures = trpc as unknown as Record<string, Record<string, TProcedure>>;

/** Calls `${resource}.${verb}` with react-admin's params; errors come back as react-admin HttpErrors. */
export async function callResource(resource: string, verb: TVerbName, params: TParams): Promise<unknown> {
  const spec: TVerb = VERBS[verb];
  const procedure = procedures[resource]?.[spec.procedure ?? verb];
  if (!procedure) throw toHttpError(new Error(`No procedure ${resource}.${spec.procedure ?? verb}`));
  try {
    const input = spec.input(params);
    return spec.kind === 'query' ? await procedure.query(input, { signal: params.signal }) : await procedure.mutate(input);
  } catch (error) {
    throw toHttpError(error);
  }
}

const methods = Object.fromEntries(
  (Object.keys(VERBS) as TVerbName[]).map((verb) => [
    verb,
    (resource: string, params: TParams) => callResource(resource, verb, params),
  ]),
);

/** react-admin dataProvider over tRPC; results are passed through as the API returns them. */
export const dataProvider = { ...methods, supportAbortSignal: true } as unknown as DataProvider;
