import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { Link } from 'react-admin';
import type { TAuditChainReport } from '../api-types';
import { formatDateTime } from '../format';
import { toHttpError } from '../providers/api-error';
import { trpc } from '../providers/trpc';
import { ACTION_LABELS, ENTITY_LABELS, labelOf } from './labels';

const records = (n: number) => `${n.toLocaleString('en-GB')} record${n === 1 ? '' : 's'}`;

/**
 * "Has anyone altered the trail?" The server recomputes every link of the hash chain and names the
 * first broken one; nothing changes. Anyone signed in may run it, auditors above all.
 */
export function VerifyChainPanel() {
  const [report, setReport] = useState<TAuditChainReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  // Catches its own failure (shown in the panel), so the button calls it with `void`.
  const run = async () => {
    setRunning(true);
    setError(null);
    try {
      setReport((await trpc.auditTrail.verify.query()).data);
    } catch (e) {
      setError(toHttpError(e).message);
    } finally {
      setRunning(false);
    }
  };
  return (
    <Box component="section" aria-labelledby="verify-heading" sx={{ mb: 2, p: 2, border: 1, borderColor: 'divider', backgroundColor: 'background.paper' }}>
      <Typography id="verify-heading" component="h2" variant="h6">
        Check the trail has not been altered
      </Typography>
      <Typography variant="body2" sx={{ mb: 1.5, maxWidth: '70ch' }}>
        Every record carries a fingerprint of the record before it. Checking recomputes them all: a record changed, removed or
        slipped in afterwards shows as a broken link.
      </Typography>
      <Button variant="contained" onClick={() => void run()} disabled={running}>
        {running ? 'Checking…' : 'Check the audit trail'}
      </Button>
      <Box aria-live="polite" sx={{ mt: 1.5 }}>
        {error && <Alert severity="error">{error}</Alert>}
        {report?.ok && (
          <Alert severity="success">
            The trail is intact: {records(report.checked)} checked at {formatDateTime(report.verifiedAt)}
            {report.unchained > 0 ? ` (${records(report.unchained)} written before fingerprints began)` : ''}.
            {report.headHash && (
              <Box component="span" sx={{ display: 'block', mt: 0.5, fontFamily: 'monospace', wordBreak: 'break-all' }}>
                Latest fingerprint: {report.headHash}
              </Box>
            )}
          </Alert>
        )}
        {report && !report.ok && report.firstBroken && (
          <Alert severity="error">
            <strong>The trail has been altered.</strong> First broken link: record{' '}
            <Link to={`/auditTrail/${encodeURIComponent(report.firstBroken.id)}/show`}>#{report.firstBroken.id}</Link> ({labelOf(ACTION_LABELS, report.firstBroken.action)}{' '}
            {labelOf(ENTITY_LABELS, report.firstBroken.entity).toLowerCase()} {report.firstBroken.entityId},{' '}
            {formatDateTime(report.firstBroken.at)}). {report.firstBroken.problem}. {records(report.checked)} checked.
          </Alert>
        )}
      </Box>
    </Box>
  );
}
