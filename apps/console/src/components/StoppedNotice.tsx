import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { usePermissions } from 'react-admin';
import { ZRestartWorkflowInput, type TRole } from '@ip/domain';
import { formatDateTime } from '../format';
import { trpc } from '../providers/trpc';
import { CommandDialog } from './CommandDialog';

/** What a record carries when its workflow stopped without finishing (terminated, failed, timed out). */
export interface TStopped {
  at: string;
  reason: string;
}

/**
 * Says, at the top of a record's page, that its workflow has stopped and why (Temporal's words), so
 * nobody takes an open, green record for a live one: nothing fires until it is restarted. Admins get
 * the restart, which starts a new run from the last good state and records who and why.
 */
export function StoppedNotice({ stopped, workflowId, what }: { stopped: TStopped | null | undefined; workflowId: string; what: string }) {
  const { permissions } = usePermissions<TRole | undefined>();
  if (!stopped) return null;
  return (
    <Alert severity="error" sx={{ mb: 2 }} role="alert">
      <AlertTitle>This {what}'s workflow has stopped</AlertTitle>
      <Typography variant="body2">
        {stopped.reason} ({formatDateTime(stopped.at)}). Its reminders and escalations will not fire, and nothing can be recorded
        against it, until an admin restarts it from its last good state.
      </Typography>
      {permissions === 'admin' && (
        <Box sx={{ mt: 1 }}>
          <CommandDialog
            label="Restart the workflow"
            intro={`A new run of this ${what} starts from the state the console shows now; its timeline records who restarted it and why.`}
            schema={ZRestartWorkflowInput}
            fixed={{ workflowId }}
            fields={[]}
            send={(input) => trpc.workflowHealth.restart.mutate({ ...(input as { reason: string; clientRequestId: string }), workflowId })}
            success="Workflow restarted"
            reasonExample="Terminated by mistake during maintenance; restarted after checking its state"
            color="error"
          />
        </Box>
      )}
    </Alert>
  );
}
