import { useCallback, useState, type ReactNode } from 'react';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import { Form, SaveButton, useNotify, useRefresh, type FormProps } from 'react-admin';
import { z } from 'zod';
import { useFormState } from 'react-hook-form';
import type { zodResolver } from '@hookform/resolvers/zod';
import { useCommand } from '../forms/use-command';
import { commandInput, zodFormResolver } from '../forms/zod-form-resolver';
import { ReasonInput } from './commands';

type TSchema = Parameters<typeof zodResolver>[0];

export interface TCommandDialogProps<TValues extends object = Record<string, unknown>> {
  /** The button that opens the dialog, and the dialog's title unless `title` says otherwise. */
  label: string;
  /** A fuller accessible name for the button when several on a page share `label`. */
  buttonName?: string;
  title?: string;
  /** Words on the submit button ("Request extension"); `label` by default. */
  submitLabel?: string;
  intro?: ReactNode;
  /** The API's own input schema: the form is checked against exactly what the server will check. */
  schema?: TSchema;
  /** The ids the console supplies itself (programmeId, actionId...), merged in before checking. */
  fixed?: Record<string, unknown>;
  /**
   * Instead of schema + fixed: a ready resolver (zodFormResolver over a form-shaped schema), for
   * forms whose fields are not the command's input one for one (a step whose fields vary by type).
   */
  resolver?: NonNullable<FormProps['resolver']>;
  /** Form values -> command input, for answers collected differently (one finding a line...). */
  convert?: (values: Record<string, unknown>) => Record<string, unknown>;
  /** GOV.UK-style messages for a missing answer, by path. */
  required?: Record<string, string>;
  /** Paths of the form's inputs: the server's errors on these show inline, the rest in the notice. */
  fields: readonly string[];
  /** Server path -> form path, for inputs the form collects differently. */
  rename?: Record<string, string>;
  send: (input: TValues & { clientRequestId: string }) => Promise<unknown>;
  /** Said when the server accepted the command. */
  success: string;
  /** An example reason for the reason's hint, and the reason's label when not "Reason for this change". */
  reasonExample?: string;
  reasonLabel?: string;
  defaultValues?: Record<string, unknown>;
  variant?: 'contained' | 'outlined' | 'text';
  color?: 'primary' | 'error' | 'inherit';
  onDone?: (result: unknown) => void;
  /** Paths checked as a whole (e.g. "findings": at least one) that no single input shows. */
  summaryPaths?: readonly string[];
  children?: ReactNode;
}

/** Errors about a group of answers rather than one input, shown above the inputs. */
function GroupErrors({ paths }: { paths: readonly string[] }) {
  const { errors } = useFormState();
  const messages = paths.map((p) => (errors as Record<string, { message?: unknown } | undefined>)[p]?.message).filter((m): m is string => typeof m === 'string');
  if (messages.length === 0) return null;
  return (
    <Typography role="alert" color="error" sx={{ fontWeight: 700, mb: 2 }}>
      {messages.join(' ')}
    </Typography>
  );
}

function CommandForm<TValues extends object>(props: TCommandDialogProps<TValues> & { close: () => void }) {
  const { schema, fixed = {}, convert, required, fields, send, success, reasonExample, reasonLabel, defaultValues, close, onDone, children, intro } = props;
  const notify = useNotify();
  const refresh = useRefresh();
  // Both are fixed for one opening of the dialog: the ids do not change while it is open.
  const [resolver] = useState(
    () => props.resolver ?? zodFormResolver(schema ?? NO_SCHEMA, { reason: 'Give a reason for this change', ...required }, commandInput(fixed, convert)),
  );
  const onSuccess = useCallback(
    (result: unknown) => {
      notify(success, { type: 'success', messageArgs: { _: success } });
      refresh();
      close();
      onDone?.(result);
    },
    [notify, refresh, close, onDone, success],
  );
  const submit = useCommand<TValues, unknown>(send, { fields: [...fields, 'reason'], rename: props.rename, onSuccess });
  return (
    <Form record={NO_RECORD} defaultValues={defaultValues} resolver={resolver} onSubmit={(values: object) => submit(values as TValues)}>
      <DialogContent dividers>
        {intro && (
          <Typography variant="body2" component="div" sx={{ mb: 2 }}>
            {intro}
          </Typography>
        )}
        {props.summaryPaths && <GroupErrors paths={props.summaryPaths} />}
        {children}
        <ReasonInput example={reasonExample} {...(reasonLabel ? { label: reasonLabel } : {})} />
      </DialogContent>
      <DialogActions>
        <Button onClick={close}>Cancel</Button>
        <SaveButton label={props.submitLabel ?? props.label} alwaysEnable />
      </DialogActions>
    </Form>
  );
}

/** No record: the form must not pick up the page's record as default values. */
const NO_RECORD = {};
/** Only when neither schema nor resolver is given (a programming error the type allows for brevity). */
const NO_SCHEMA = z.object({});

/**
 * A workflow command as a button and a typed form in a dialog. The form mounts when the dialog
 * opens, so each opening is one command with one clientRequestId (a double submit, or a retry after
 * a lost response, has one effect); the server's rejection reason shows inline or in the notice.
 */
export function CommandDialog<TValues extends object = Record<string, unknown>>(props: TCommandDialogProps<TValues>) {
  const [open, setOpen] = useState(false);
  const close = useCallback(() => setOpen(false), []);
  const title = props.title ?? props.label;
  const titleId = `command-${props.label.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return (
    <>
      <Button variant={props.variant ?? 'outlined'} color={props.color ?? 'primary'} aria-label={props.buttonName} onClick={() => setOpen(true)}>
        {props.label}
      </Button>
      <Dialog open={open} onClose={close} maxWidth="md" fullWidth aria-labelledby={titleId}>
        <DialogTitle id={titleId}>{title}</DialogTitle>
        {open && <CommandForm {...props} close={close} />}
      </Dialog>
    </>
  );
}
