import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import { Link } from 'react-admin';
import { formatDateTime } from '../format';
import { trpc } from '../providers/trpc';
import { useApiQuery } from '../use-api-query';

interface TStoppedRow {
  id: string;
  kind: string;
  title: string;
  stoppedAt: string;
  reason: string;
}

const PATHS: Record<string, string> = {
  action: 'actions', programme: 'programmes', monitoring_visit: 'monitoringVisits', intervention: 'interventions', information_request: 'informationRequests',
};

/**
 * The programme's workflows that stopped without finishing (terminated, failed, timed out): their
 * reminders and escalations are not firing, whatever their RAG says. Nothing shows while all run.
 */
export function StoppedWorkflowsPanel({ programmeId }: { programmeId: string }) {
  const stopped = useApiQuery<TStoppedRow[]>(`stopped:${programmeId}`, (signal) =>
    trpc.workflowHealth.stopped.query({ programmeId }, { signal }).then((r) => r.data));
  const rows = stopped.data ?? [];
  if (rows.length === 0) return null;
  return (
    <Alert severity="error" role="alert">
      <AlertTitle>{rows.length === 1 ? 'One workflow has stopped' : `${rows.length} workflows have stopped`}: nothing they promise will fire until an admin restarts them</AlertTitle>
      <Box component="ul" sx={{ m: 0, pl: 3 }}>
        {rows.map((r) => (
          <li key={r.id}>
            <Link to={`/${PATHS[r.kind] ?? 'actions'}/${encodeURIComponent(r.id)}/show`}>{r.title}</Link>: {r.reason} ({formatDateTime(r.stoppedAt)})
          </li>
        ))}
      </Box>
    </Alert>
  );
}
