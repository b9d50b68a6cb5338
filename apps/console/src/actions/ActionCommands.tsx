import type { ReactNode } from 'react';
import Box from '@mui/material/Box';
import { usePermissions } from 'react-admin';
import { ACTION_COMMAND_NAMES, ACTION_COMMANDS, ZActionCommands, type TActionCommandName, type TRole } from '@ip/domain';
import type { TActionRecord } from '../api-types';
import { DeclaredCommandDialog, type TDeclaredCommandDialogProps } from '../components/DeclaredCommandDialog';
import { formatDate } from '../format';
import { trpc } from '../providers/trpc';
import { ExtensionWhatIf, RequestExtensionWhatIf } from '../what-if/ExtensionWhatIf';

type TSend = TDeclaredCommandDialogProps['send'];
type TPageExtras = Pick<TDeclaredCommandDialogProps, 'intro' | 'defaultValues' | 'children'>;

/** What this page adds to some declared commands: today's values in the intro, what-if panels. */
const PAGE_EXTRAS: Partial<Record<TActionCommandName, (action: TActionRecord) => TPageExtras>> = {
  updateProgress: (a) => ({ defaultValues: { percentComplete: a.percentComplete } }),
  requestExtension: (a) => ({
    intro: `Currently due ${formatDate(a.dueOn)}. Someone other than you must approve the extension.`,
    children: <RequestExtensionWhatIf actionId={String(a.id)} dueOn={a.dueOn} />,
  }),
  approveExtension: (a) => {
    const p = a.pendingExtension!;
    return {
      intro: `${p.requestedBy.name ?? 'A colleague'} asked to move the due date from ${formatDate(a.dueOn)} to ${formatDate(p.newDueOn)}: “${p.justification}”. Every reminder and escalation is re-timed from the new date.`,
      children: <ExtensionWhatIf actionId={String(a.id)} newDueOn={p.newDueOn} dueOn={a.dueOn} />,
    };
  },
};

/**
 * The commands an action offers in its current state to the signed-in user's role, one dialog per
 * declared command (domain action/declarations.ts), each checked by the API's own schema. The API
 * refuses everyone else anyway; unknown or still-loading permissions show nothing.
 */
export function ActionCommands({ action }: { action: TActionRecord }) {
  const { permissions, isPending } = usePermissions<TRole | undefined>();
  if (isPending || !permissions) return null;
  const offered = ACTION_COMMAND_NAMES.filter((name) => {
    const declared = ACTION_COMMANDS[name];
    return (declared.roles as readonly TRole[]).includes(permissions) && declared.offeredWhen(action);
  });
  if (offered.length === 0) return null;
  const fixed = { actionId: action.id };
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }} role="group" aria-label="Commands for this action">
      {offered.map((name): ReactNode => (
        <DeclaredCommandDialog
          key={name}
          form={ACTION_COMMANDS[name].form}
          schema={ZActionCommands[name].input}
          fixed={fixed}
          // The typed client takes the command's exact input; the dialog has checked it against that schema.
          send={trpc.actions[name].mutate as unknown as TSend}
          {...PAGE_EXTRAS[name]?.(action)}
        />
      ))}
    </Box>
  );
}
