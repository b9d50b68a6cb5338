/**
 * The API half of a command declaration (domain commands/): one procedure per declared command,
 * open to the roles the declaration names, parsing the command's zod input, then sending the
 * declared Update to the workflow the input names, once per request id (updateCommand). Actions,
 * monitoring visits and information requests are driven this way; what differs between them (which
 * fields name the workflow, how its errors read, what the answer is) is said by each kind.
 */
import type { UpdateDefinition } from '@temporalio/client';
import type { z } from 'zod';
import type { TRole } from '@ip/domain';
import type { Context } from '../context.js';
import type { WorkflowWording } from '../errors.js';
import { procedure } from '../trpc.js';
import { actorOf, updateCommand, type SignedInContext } from './workflow-support.js';

/** What the procedures of one workflow kind's declared commands need to know. */
export interface DeclaredCommandKind<N extends string, S extends Record<N, { input: z.ZodType }>, T> {
  names: readonly N[];
  declarations: Record<N, { roles: readonly TRole[] }>;
  /** Each command's zod half; `input` is the procedure's input. */
  schemas: S;
  /** Each command's Update definition (its name is what matters here; the workflow checks the payload). */
  updates: Record<N, { name: string }>;
  /** The input fields that name the workflow: they choose it and are not sent on in the Update. */
  address: readonly string[];
  /** The workflow those fields name, and how its errors read. */
  target: (address: Record<string, unknown>) => { workflowId: string; wording: WorkflowWording };
  /** Fields the server adds to one command's Update, never taken from the client (e.g. a setting in force now). */
  serverFields?: Partial<Record<N, (ctx: Context, workflowId: string) => Promise<Record<string, unknown>>>>;
  /** The answer, read from PostgreSQL after the Update (the workflow has projected by then). */
  read: (ctx: SignedInContext, workflowId: string) => Promise<T>;
}

/** The procedure of one declared command: the Update carries the command's fields (reason included), server fields and the actor. */
function declaredCommandProcedure<N extends string, S extends Record<N, { input: z.ZodType }>, T, K extends N>(kind: DeclaredCommandKind<N, S, T>, name: K) {
  const update = kind.updates[name] as unknown as UpdateDefinition<unknown, [unknown], string>;
  return procedure(kind.declarations[name].roles)
    .input(kind.schemas[name].input as S[K]['input'])
    .mutation(async ({ ctx, input, path }) => {
      const { clientRequestId: _id, ...fields } = input as Record<string, unknown>;
      const address: Record<string, unknown> = {};
      const body: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(fields)) (kind.address.includes(key) ? address : body)[key] = value;
      const { workflowId, wording } = kind.target(address);
      const server = (await kind.serverFields?.[name]?.(ctx, workflowId)) ?? {};
      // The actor last: who acts is the signed-in user, whatever the input held.
      const arg = { ...body, ...server, actor: actorOf(ctx.user) };
      return updateCommand(ctx, { path, input }, { workflowId, update, arg, wording }, () => kind.read(ctx, workflowId));
    });
}

/** One procedure per declared command, under the command's name (actions.updateProgress, monitoringVisits.recordFieldwork, ...). */
export function declaredCommandProcedures<N extends string, S extends Record<N, { input: z.ZodType }>, T>(kind: DeclaredCommandKind<N, S, T>) {
  return Object.fromEntries(kind.names.map((name) => [name, declaredCommandProcedure(kind, name)])) as {
    [K in N]: ReturnType<typeof declaredCommandProcedure<N, S, T, K>>;
  };
}
