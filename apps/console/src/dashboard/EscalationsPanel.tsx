import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { Link, RecordContextProvider, useCreatePath } from 'react-admin';
import type { TEscalationRecord } from '../api-types';
import { formatDate } from '../format';
import { AcknowledgeButton } from '../escalations/AcknowledgeButton';
import { LevelField } from '../escalations/fields';
import { VisuallyHidden } from '../components/VisuallyHidden';
import { useCanMutate } from '../use-can-mutate';
import { Panel } from './Panel';

/** Escalations nobody has acknowledged yet, newest first, each with its Acknowledge button. */
export function EscalationsPanel({ escalations, total }: { escalations: readonly TEscalationRecord[]; total: number }) {
  const createPath = useCreatePath();
  const canMutate = useCanMutate();
  return (
    <Panel
      id="escalations-heading"
      title={`Open escalations (${total})`}
      link={{ to: '/escalations', text: total > escalations.length ? `View all ${total}` : 'View all escalations' }}
    >
      {escalations.length === 0 ? (
        <Typography>There are no open escalations.</Typography>
      ) : (
        <Table size="small" aria-labelledby="escalations-heading">
          <TableHead>
            <TableRow>
              <TableCell component="th" scope="col">What happened</TableCell>
              <TableCell component="th" scope="col">Who was told</TableCell>
              <TableCell component="th" scope="col">Deadline</TableCell>
              <TableCell component="th" scope="col">Raised</TableCell>
              {canMutate && (
                <TableCell component="th" scope="col">
                  <VisuallyHidden>Action</VisuallyHidden>
                </TableCell>
              )}
            </TableRow>
          </TableHead>
          <TableBody>
            {escalations.map((e) => (
              <RecordContextProvider key={e.id} value={e}>
                <TableRow>
                  <TableCell component="th" scope="row" sx={{ fontWeight: 400 }}>
                    <Link to={createPath({ resource: 'escalations', type: 'show', id: e.id })} sx={{ fontWeight: 700 }}>
                      {e.label}
                    </Link>
                    <Typography variant="body2" color="text.secondary">
                      {e.subjectTitle}
                    </Typography>
                  </TableCell>
                  <TableCell>
                    <LevelField source="level" />
                  </TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    <time dateTime={e.dueOn}>{formatDate(e.dueOn)}</time>
                  </TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    <time dateTime={e.firedAt}>{formatDate(e.firedAt)}</time>
                  </TableCell>
                  {canMutate && (
                    <TableCell align="right">
                      <AcknowledgeButton escalation={e} />
                    </TableCell>
                  )}
                </TableRow>
              </RecordContextProvider>
            ))}
          </TableBody>
        </Table>
      )}
    </Panel>
  );
}
