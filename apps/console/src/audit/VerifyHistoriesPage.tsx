import { useEffect, useRef, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { Title } from 'react-admin';
import type { HistoryVerificationJob } from '@ip/api';
import { formatDateTime } from '../format';
import { trpc } from '../providers/trpc';
import { useApiQuery } from '../use-api-query';

const STATUS_WORDS: Record<HistoryVerificationJob['status'], string> = {
  running: 'Running',
  passed: 'Passed: every history replays against the current workflow code',
  failed: 'Mismatches found',
  error: 'Could not run',
};

/**
 * "Verify histories": replays every stored history (Temporal's and the archive's) against the current
 * workflow code, with progress, and lists every mismatch. Any signed-in reader may run it, auditors
 * included: it changes no programme data.
 */
export function VerifyHistoriesPage() {
  // The last run, from react-admin's query cache (refetched by refresh()); a run started here is
  // followed by subscription and shown instead.
  const latest = useApiQuery('historyVerification.latest', (signal) =>
    trpc.historyVerification.latest.query(undefined, { signal }).then((r) => r.data),
  );
  const [followed, setJob] = useState<HistoryVerificationJob | null>(null);
  const [failure, setError] = useState<string | null>(null);
  const sub = useRef<{ unsubscribe(): void } | null>(null);
  useEffect(() => () => sub.current?.unsubscribe(), []);
  const job = followed ?? latest.data ?? null;
  const error = failure ?? latest.error?.message ?? null;

  const start = () => {
    setError(null);
    sub.current?.unsubscribe();
    // Starting is a mutation (Origin-checked like every command); following is a read-only subscription.
    trpc.historyVerification.run.mutate({ clientRequestId: crypto.randomUUID() }).then(({ data }) => {
      setJob(data);
      sub.current = trpc.historyVerification.follow.subscribe({ id: data.id }, {
        onData: (j) => {
          setJob(j);
          if (j.status !== 'running') sub.current?.unsubscribe();
        },
        onError: (e) => setError(e.message),
      });
    }, (e: Error) => setError(e.message));
  };

  const running = job?.status === 'running';
  const percent = job && job.total > 0 ? Math.round((job.done / job.total) * 100) : 0;
  return (
    <Box sx={{ p: 2, maxWidth: 1100 }}>
      <Title title="Verify histories" />
      <Typography component="h1" variant="h5" gutterBottom>Verify histories</Typography>
      <Typography sx={{ mb: 2 }}>
        Replays every stored workflow history — those Temporal still holds and those archived in the database — against
        the workflow code running now. A mismatch means that code can no longer reproduce what a workflow did.
      </Typography>
      <Button variant="contained" onClick={start} disabled={running}>{running ? 'Verifying…' : 'Verify all histories'}</Button>
      {error && <Alert severity="error" sx={{ mt: 2 }}>{error}</Alert>}
      {job && (
        <Box component="section" aria-labelledby="verify-status" sx={{ mt: 3 }}>
          <Typography id="verify-status" component="h2" variant="h6">{STATUS_WORDS[job.status]}</Typography>
          <LinearProgress variant="determinate" value={percent} aria-label="Histories replayed" sx={{ height: 10, my: 1 }} />
          <Typography role="status" aria-live="polite">{`${job.done} of ${job.total} histories replayed`}</Typography>
          <Typography variant="body2" color="text.secondary">
            Started {formatDateTime(job.startedAt)}{job.finishedAt ? `; finished ${formatDateTime(job.finishedAt)}` : ''}.
          </Typography>
          {job.error && <Alert severity="error" sx={{ mt: 1 }}>{job.error}</Alert>}
          {job.status !== 'running' && (
            <Table size="small" sx={{ mt: 2 }} aria-label="Mismatches">
              <caption>{job.mismatches.length === 0 ? 'No mismatches.' : `${job.mismatches.length} mismatch(es).`}</caption>
              <TableHead>
                <TableRow>
                  <TableCell scope="col">Workflow</TableCell>
                  <TableCell scope="col">Run</TableCell>
                  <TableCell scope="col">Type</TableCell>
                  <TableCell scope="col">From</TableCell>
                  <TableCell scope="col">Error</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {job.mismatches.map((m) => (
                  <TableRow key={`${m.workflowId}/${m.runId}`}>
                    <TableCell>{m.workflowId}</TableCell>
                    <TableCell sx={{ fontFamily: 'monospace', fontSize: '0.75rem' }}>{m.runId}</TableCell>
                    <TableCell>{m.workflowType}</TableCell>
                    <TableCell>{m.source === 'archive' ? 'Archive' : 'Temporal'}</TableCell>
                    <TableCell sx={{ wordBreak: 'break-word' }}>{m.error}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </Box>
      )}
    </Box>
  );
}
