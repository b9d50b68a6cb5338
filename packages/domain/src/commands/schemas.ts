/**
 * The zod half of a kind's declared commands (the declarations themselves, ./declaration.ts, are
 * zod-free: the workflow bundle loads them). One factory for every kind, so a command's API input
 * and its Update payload are made the same way for actions, information requests and visits.
 */
import { type z } from 'zod';
import { ZCommandMeta } from '../schemas/common.js';
import { ZLifecycleUpdateMeta } from '../ladder-clock/schemas.js';

/**
 * The schemas of one kind's commands. `ref` names the record a command is sent to (an action id, a
 * request id, a visit's programme and number): the API's input carries it, the Update does not.
 * Each command's `body` then gives its body, its API input (request id + reason + ref + body) and
 * its Update payload (body + actor + reason), each with the body's rule over several fields when it
 * has one. `payloadOrder` is the order the kind's zod-free check returns the payload's fields in
 * (payload.test.ts holds the two byte-equal): an action's puts actor and reason first.
 */
export function declaredCommandSchemas<R extends z.ZodRawShape>(ref: z.ZodObject<R>, payloadOrder: 'body-first' | 'actor-first' = 'body-first') {
  return <S extends z.ZodRawShape>(body: z.ZodObject<S>, refine?: (value: z.infer<z.ZodObject<S>>, ctx: z.RefinementCtx) => void) => {
    const input = ZCommandMeta.extend(ref.shape).extend(body.shape);
    const payload = payloadOrder === 'body-first' ? body.extend(ZLifecycleUpdateMeta.shape) : ZLifecycleUpdateMeta.extend(body.shape);
    return {
      body,
      input: refine ? input.superRefine(refine as never) : input,
      payload: refine ? payload.superRefine(refine as never) : payload,
    };
  };
}
