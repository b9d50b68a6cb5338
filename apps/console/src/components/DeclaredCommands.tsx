import { Fragment, type ReactNode } from 'react';
import Box from '@mui/material/Box';
import type { SxProps } from '@mui/material/styles';
import { usePermissions } from 'react-admin';
import type { CommandDeclaration, TRole } from '@ip/domain';
import { DeclaredCommandDialog, type TDeclaredCommandDialogProps } from './DeclaredCommandDialog';

type TPageExtras = Pick<TDeclaredCommandDialogProps, 'intro' | 'defaultValues' | 'children'>;

export interface TDeclaredCommandsProps<N extends string, S> {
  /** The group's accessible name ("Commands for this action"). */
  label: string;
  /** A kind's declarations (domain <kind>/declarations.ts) and their names in button order. */
  names: readonly N[];
  commands: Readonly<Record<N, CommandDeclaration<S>>>;
  /** Each command's zod input (the API's own `.input()`). */
  schemas: Readonly<Record<N, { input: TDeclaredCommandDialogProps['schema'] }>>;
  /** What `offeredWhen` looks at: the record on the page. */
  subject: S;
  /** Fields every command of this page carries (the record's id). */
  fixed: Record<string, unknown>;
  /** The command's procedure; the dialog has checked its input against the command's schema. */
  send: (name: N) => TDeclaredCommandDialogProps['send'];
  /** What only this page knows about some commands (today's values, what-if panels); asked only for a command on offer. */
  extras?: Partial<Record<N, (subject: S) => TPageExtras>>;
  /**
   * A command whose console form is the page's own component, shown in place of the declared dialog
   * when the command is on offer (a form the declared fields cannot express, such as one that first
   * creates other records).
   */
  own?: Partial<Record<N, (subject: S) => ReactNode>>;
  sx?: SxProps;
}

/**
 * The commands a record offers in its current state to the signed-in user's role, one dialog per
 * declared command. The API refuses everyone else anyway; unknown or still-loading permissions show
 * nothing.
 */
export function DeclaredCommands<N extends string, S>(props: TDeclaredCommandsProps<N, S>) {
  const { permissions, isPending } = usePermissions<TRole | undefined>();
  if (isPending || !permissions) return null;
  const offered = props.names.filter((name) => {
    const declared = props.commands[name];
    return declared.roles.includes(permissions) && declared.offeredWhen(props.subject);
  });
  if (offered.length === 0) return null;
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, ...props.sx }} role="group" aria-label={props.label}>
      {offered.map((name): ReactNode => {
        const own = props.own?.[name];
        if (own) return <Fragment key={name}>{own(props.subject)}</Fragment>;
        return (
          <DeclaredCommandDialog
            key={name}
            form={props.commands[name].form}
            schema={props.schemas[name].input}
            fixed={props.fixed}
            send={props.send(name)}
            {...props.extras?.[name]?.(props.subject)}
          />
        );
      })}
    </Box>
  );
}
