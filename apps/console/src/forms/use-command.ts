import { useCallback, useState } from 'react';
import { useLogoutIfAccessDenied, useNotify } from 'react-admin';
import type { TApiErrorBody } from '../providers/api-error';
import { isDefinitiveRejection, toHttpError } from '../providers/api-error';
import { newClientRequestId } from '../request-id';

export interface TCommandOptions<TResult> {
  /** Dotted paths of the form's fields; server errors on these show inline, the rest in the notice. */
  fields: readonly string[];
  /** Server path -> form path, for inputs the form collects differently (e.g. onsCode -> authorityId). */
  rename?: Record<string, string>;
  onSuccess: (result: TResult) => void;
}

/**
 * Submits a command form. The clientRequestId is minted once per form mount, so a double submit or
 * a retry after a lost response has one effect; it is renewed only after the server definitely
 * refused the command (4xx), when a corrected resubmission is a new command. Returns field errors
 * in the shape react-admin's <Form onSubmit> expects.
 */
export function useCommand<TValues extends object, TResult>(
  send: (input: TValues & { clientRequestId: string }) => Promise<TResult>,
  { fields, rename = {}, onSuccess }: TCommandOptions<TResult>,
) {
  const [clientRequestId, setClientRequestId] = useState(newClientRequestId);
  const notify = useNotify();
  const logoutIfAccessDenied = useLogoutIfAccessDenied();

  return useCallback(
    async (values: TValues): Promise<Record<string, string> | undefined> => {
      try {
        onSuccess(await send({ ...values, clientRequestId }));
        return undefined;
      } catch (raw) {
        const error = toHttpError(raw);
        if (await logoutIfAccessDenied(error)) return undefined;
        if (isDefinitiveRejection(error)) setClientRequestId(newClientRequestId());
        const serverErrors = (error.body as TApiErrorBody | undefined)?.errors ?? {};
        const inline: Record<string, string> = {};
        const elsewhere: string[] = [];
        for (const [path, message] of Object.entries(serverErrors)) {
          const formPath = rename[path] ?? path;
          if (fields.includes(formPath)) inline[formPath] = message;
          else elsewhere.push(path ? `${path}: ${message}` : message);
        }
        // The server's own message for a validation failure repeats the field errors; when they
        // show inline, say so instead.
        const inlineCount = Object.keys(inline).length;
        const headline = inlineCount > 0 ? 'There is a problem: check the answers marked in red.' : error.message;
        const text = inlineCount > 0 ? [headline, ...elsewhere].join(' — ') : headline;
        notify(text, { type: 'error', multiLine: true, messageArgs: { _: text } });
        return Object.keys(inline).length > 0 ? inline : undefined;
      }
    },
    [send, clientRequestId, fields, rename, onSuccess, notify, logoutIfAccessDenied],
  );
}
