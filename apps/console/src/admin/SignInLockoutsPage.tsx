import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { Loading, Title } from 'react-admin';
import { ZUnlockSignInInput, type TUnlockSignInInput } from '@ip/domain';
import { CommandDialog } from '../components/CommandDialog';
import { formatDateTime } from '../format';
import { trpc } from '../providers/trpc';
import { useApiQuery } from '../use-api-query';

const KIND_WORDS = { account: 'Account (email)', address: 'Network address' } as const;

/**
 * Admin: sign-in lockouts in force (too many failed attempts for an account or from an address),
 * each with "Unlock", which asks for a reason and is written to the audit trail.
 */
export function SignInLockoutsPage() {
  // In react-admin's query cache: the dialog's refresh() after "Unlock", the app bar's refresh button
  // and the live feed all refetch it.
  const { data, error, isPending } = useApiQuery('users.signInLockouts', (signal) => trpc.users.signInLockouts.query(undefined, { signal }));
  const lockouts = data?.data ?? [];
  return (
    <Box sx={{ p: 2, maxWidth: 1100 }}>
      <Title title="Sign-in lockouts" />
      <Typography component="h1" variant="h5" gutterBottom>Sign-in lockouts</Typography>
      <Typography sx={{ mb: 2 }}>
        After 5 failed sign-ins for one account, or 30 from one network address, within 15 minutes, sign-in is locked there
        for 15 minutes. Unlock someone once you have confirmed who they are.
      </Typography>
      {error && <Alert severity="error">{error.message}</Alert>}
      {isPending && !data ? <Loading /> : (
        <Table size="small" aria-label="Sign-in lockouts">
          <caption>{lockouts.length === 0 ? 'No sign-in is locked.' : `${lockouts.length} locked.`}</caption>
          <TableHead>
            <TableRow>
              <TableCell>What is locked</TableCell>
              <TableCell>Account or address</TableCell>
              <TableCell>Locked until</TableCell>
              <TableCell>Failed attempts</TableCell>
              <TableCell>Unlock</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {lockouts.map((l) => (
              <TableRow key={l.id}>
                <TableCell>{KIND_WORDS[l.kind]}</TableCell>
                <TableCell>{l.subject}</TableCell>
                <TableCell>{formatDateTime(l.lockedUntil)}</TableCell>
                <TableCell>{l.attempts}</TableCell>
                <TableCell>
                  <CommandDialog
                    label="Unlock"
                    buttonName={`Unlock ${l.subject}`}
                    title={`Unlock sign-in for ${l.subject}`}
                    reasonExample="Confirmed their identity by phone"
                    success="Unlocked"
                    schema={ZUnlockSignInInput}
                    fixed={{ kind: l.kind, subject: l.subject }}
                    fields={[]}
                    send={(input: TUnlockSignInInput) => trpc.users.unlockSignIn.mutate(input)}
                  />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Box>
  );
}
