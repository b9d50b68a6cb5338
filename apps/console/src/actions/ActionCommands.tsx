import { ACTION_COMMAND_NAMES, ACTION_COMMANDS, ZActionCommands, type TActionCommandName } from '@ip/domain';
import type { TActionRecord } from '../api-types';
import type { TDeclaredCommandDialogProps } from '../components/DeclaredCommandDialog';
import { DeclaredCommands } from '../components/DeclaredCommands';
import { formatDate } from '../format';
import { trpc } from '../providers/trpc';
import { ExtensionWhatIf, RequestExtensionWhatIf } from '../what-if/ExtensionWhatIf';

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

/** The commands an action offers in its current state to the signed-in user's role (domain action/declarations.ts). */
export function ActionCommands({ action }: { action: TActionRecord }) {
  return (
    <DeclaredCommands
      label="Commands for this action"
      names={ACTION_COMMAND_NAMES}
      commands={ACTION_COMMANDS}
      schemas={ZActionCommands}
      subject={action}
      fixed={{ actionId: action.id }}
      send={(name) => trpc.actions[name].mutate as unknown as TDeclaredCommandDialogProps['send']}
      extras={PAGE_EXTRAS}
    />
  );
}
