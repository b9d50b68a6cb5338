import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { StatusTag } from '../components/StatusTag';
import { formatDate } from '../format';
import { ACTION_FLAG_LABELS, ACTION_RAG_LABELS, ACTION_RAG_TONES, labelOf } from '../labels';
import type { TActionWeek } from './types';

function Rag({ week }: { week: TActionWeek }) {
  return (
    <Box component="span" sx={{ display: 'inline-flex', gap: 0.5, flexWrap: 'wrap' }}>
      <StatusTag label={ACTION_RAG_LABELS[week.rag]} tone={ACTION_RAG_TONES[week.rag]} />
      {week.overdue && <StatusTag label="Overdue" tone="red" />}
      {week.flags.map((f) => <StatusTag key={f} label={labelOf(ACTION_FLAG_LABELS, f)} tone="orange" />)}
    </Box>
  );
}

/** The action's RAG week by week (noon each Monday), in one or two futures side by side. */
export function RagWeeksTable({ columns, caption }: { columns: Array<{ heading: string; weeks: readonly TActionWeek[] }>; caption: string }) {
  const first = columns[0]?.weeks ?? [];
  return (
    <Box sx={{ overflowX: 'auto', maxHeight: 420 }}>
      <Table size="small" stickyHeader>
        <caption style={{ textAlign: 'left', captionSide: 'top', paddingBottom: 8 }}>{caption}</caption>
        <TableHead>
          <TableRow>
            <TableCell component="th" scope="col">Week</TableCell>
            {columns.map((c) => <TableCell key={c.heading} component="th" scope="col">{c.heading}</TableCell>)}
          </TableRow>
        </TableHead>
        <TableBody>
          {first.map((w, i) => {
            const differs = columns.some((c) => c.weeks[i]?.rag !== w.rag || c.weeks[i]?.overdue !== w.overdue);
            return (
              <TableRow key={w.at} sx={{ bgcolor: differs ? 'action.hover' : undefined }}>
                <TableCell component="th" scope="row" sx={{ fontWeight: 400 }}>
                  {i === 0 ? `Today (${formatDate(w.on)})` : `Monday ${formatDate(w.on)}`}
                </TableCell>
                {columns.map((c) => <TableCell key={c.heading}>{c.weeks[i] ? <Rag week={c.weeks[i]} /> : null}</TableCell>)}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </Box>
  );
}
