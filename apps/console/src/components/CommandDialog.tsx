import { useCallback, useState, type ReactNode } from 'react';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import { Form, SaveButton, useNotify, useRefresh, type FormProps } from 'react-admin';
import { useCommand } from '../forms/use-command';

const NO_RECORD = {};

interface TCommandDialogProps<TValues extends object> {
  /** The button that opens the dialog, and the dialog's title. */
  label: string;
  title: string;
  /** The submit button's words ("Record answer"). */
  submitLabel: string;
  /** Said when the server accepted the command. */
  done: string;
  resolver: NonNullable<FormProps['resolver']>;
  /** The form's field paths: the server's errors on these show against the field. */
  fields: readonly string[];
  /** Server path -> form path, for inputs the form collects differently. */
  rename?: Record<string, string>;
  defaultValues?: Record<string, unknown>;
  send: (input: TValues & { clientRequestId: string }) => Promise<unknown>;
  variant?: 'contained' | 'outlined';
  children: ReactNode;
}

function CommandForm<TValues extends object>({ props, onDone }: { props: TCommandDialogProps<TValues>; onDone: () => void }) {
  const notify = useNotify();
  const refresh = useRefresh();
  const onSuccess = useCallback(() => {
    notify(props.done, { type: 'success', messageArgs: { _: props.done } });
    refresh();
    onDone();
  }, [notify, refresh, onDone, props.done]);
  const submit = useCommand<TValues, unknown>(props.send, { fields: props.fields, rename: props.rename, onSuccess });
  return (
    <Form record={NO_RECORD} defaultValues={props.defaultValues} resolver={props.resolver} onSubmit={(v: object) => submit(v as TValues)}>
      <DialogContent dividers>{props.children}</DialogContent>
      <DialogActions>
        <Button onClick={onDone}>Cancel</Button>
        <SaveButton label={props.submitLabel} alwaysEnable />
      </DialogActions>
    </Form>
  );
}

/**
 * A workflow command as a button and a dialog holding its typed form: validated by the domain's
 * zod schema, one request id per opening (a retry has one effect), the server's refusal shown
 * against the field or in the notice, and the page refreshed when the command is accepted.
 */
export function CommandDialog<TValues extends object>(props: TCommandDialogProps<TValues>) {
  const [open, setOpen] = useState(false);
  const close = useCallback(() => setOpen(false), []);
  return (
    <>
      <Button variant={props.variant ?? 'outlined'} onClick={() => setOpen(true)}>
        {props.label}
      </Button>
      <Dialog open={open} onClose={close} maxWidth="sm" fullWidth>
        <DialogTitle>{props.title}</DialogTitle>
        {open && <CommandForm props={props} onDone={close} />}
      </Dialog>
    </>
  );
}
