/**
 * A programme's history: every event of the programme and its actions, visits, interventions and
 * information requests, in business words (when, who, what, why), each expandable to the raw
 * Temporal event. An escalation's row lists its emails beneath it (to whom, status, when sent, the
 * server's answer). Filters by kind, category, person and dates; exports CSV and replayable JSON.
 * Read only: auditors and programme managers see the same page.
 */
import { Fragment, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { Link, Title, useCreatePath, useGetOne, useParams } from 'react-admin';
import { RECIPIENT_ROLE_LABELS, type TRecipientRole } from '@ip/domain';
import { WORKFLOW_KIND_LABELS } from '../labels';
import { StatusTag } from '../components/StatusTag';
import { formatDateTime } from '../format';
import { DELIVERY_STATUS } from '../outbox/fields';
import { programmeName } from '../programmes/current-programme';
import type { TProgrammeRecord } from '../programmes/types';
import { fileSlug, useWorkflowNames } from './workflow-names';
import { PlainDateInput } from '../components/DateInput';
import { VisuallyHidden } from '../components/VisuallyHidden';
import { trpc } from '../providers/trpc';
import { useApiQuery } from '../use-api-query';
import { download } from './download';
import type { THistoryRow } from './types';

const KIND_LABELS: Record<string, string> = WORKFLOW_KIND_LABELS;
const CATEGORY_LABELS: Record<string, string> = { person: 'By a person', timer: 'Timers and clocks', escalation: 'Escalations and reminders', child: 'Child workflows', system: 'System' };
const PER_PAGE = 50;

type TFilter = { kind?: string; category?: string; actor?: string; from?: string; to?: string; includeSystem: boolean };

/** The emails of the escalation a row recorded: to whom, in which role, what became of each. */
function RowDeliveries({ row }: { row: THistoryRow }) {
  return (
    <TableRow>
      <TableCell colSpan={6} sx={{ pt: 0, pl: 4, bgcolor: 'grey.50' }}>
        <Table size="small" aria-label={`Emails for: ${row.what}`} sx={{ tableLayout: 'fixed', width: '100%' }}>
          <TableHead>
            <TableRow>
              {([['Emailed to', '30%'], ['Status', '18%'], ['Sent', '17%'], ['Server’s answer or reason', '35%']] as const).map(([h, width]) => (
                <TableCell key={h} component="th" scope="col" sx={{ width }}>{h}</TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {row.deliveries.map((d) => {
              const status = DELIVERY_STATUS[d.status] ?? { label: d.status, tone: 'grey' as const };
              const role = RECIPIENT_ROLE_LABELS[d.recipientRole as TRecipientRole] ?? d.recipientRole;
              const answer = d.status === 'sent' ? d.serverResponse : (d.lastError ?? d.modeReason);
              return (
                <TableRow key={d.id} sx={{ '& td': { overflowWrap: 'anywhere', verticalAlign: 'top' } }}>
                  <TableCell>{d.recipientEmail ? `${d.recipientName} <${d.recipientEmail}>` : 'Nobody'}<Typography variant="body2" color="text.secondary">{role}</Typography></TableCell>
                  <TableCell><StatusTag label={status.label} tone={status.tone} />{d.digestId ? <Typography variant="body2" color="text.secondary">In a daily digest</Typography> : null}</TableCell>
                  <TableCell>{d.sentAt ? <time dateTime={d.sentAt}>{formatDateTime(d.sentAt)}</time> : '—'}</TableCell>
                  <TableCell>{answer ?? ''}</TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </TableCell>
    </TableRow>
  );
}

function Row({ row, name }: { row: THistoryRow; name: string }) {
  const [open, setOpen] = useState(false);
  return (
    <Fragment>
      <TableRow sx={{ '& td': { overflowWrap: 'anywhere' } }}>
        <TableCell><time dateTime={new Date(row.at).toISOString()}>{row.when}</time></TableCell>
        <TableCell>{name}<Typography variant="body2" color="text.secondary">Event {row.eventId}</Typography></TableCell>
        <TableCell>{row.who}</TableCell>
        <TableCell>{row.what}</TableCell>
        <TableCell>{row.why ?? ''}</TableCell>
        <TableCell>
          <Button size="small" aria-expanded={open} aria-controls={`raw-${row.id}`} onClick={() => setOpen(!open)}>
            {open ? 'Hide' : 'Show'} raw event<VisuallyHidden> {row.eventId} of {row.workflowId}</VisuallyHidden>
          </Button>
        </TableCell>
      </TableRow>
      {row.deliveries.length > 0 ? <RowDeliveries row={row} /> : null}
      {open ? (
        <TableRow>
          <TableCell colSpan={6} id={`raw-${row.id}`}>
            {/* Wrapped, not scrolled sideways: a long payload line must not widen the table (and the page). */}
            <Box component="pre" tabIndex={0} aria-label={`Raw Temporal event ${row.eventId}`} sx={{ m: 0, maxHeight: 320, overflow: 'auto', fontSize: '0.8rem', bgcolor: 'grey.100', p: 1, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {JSON.stringify(row.raw, null, 2)}
            </Box>
          </TableCell>
        </TableRow>
      ) : null}
    </Fragment>
  );
}

export function ProgrammeHistoryPage() {
  const { id = '' } = useParams();
  const createPath = useCreatePath();
  const [filter, setFilter] = useState<TFilter>({ includeSystem: false });
  const [page, setPage] = useState(1);
  const [exportError, setExportError] = useState<string | null>(null);
  const { data: programme } = useGetOne<TProgrammeRecord>('programmes', { id }, { enabled: Boolean(id) });
  const clean = Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined && v !== '')) as TFilter;
  const key = `history:${id}:${page}:${JSON.stringify(clean)}`;
  const q = useApiQuery(id ? key : null, (signal) => trpc.audit.history.query({ programmeId: id, filter: clean as never, pagination: { page, perPage: PER_PAGE } }, { signal }));
  const set = (patch: Partial<TFilter>) => { setFilter({ ...filter, ...patch }); setPage(1); };

  const nameOf = useWorkflowNames(programme, q.data?.workflows ?? []);
  const title = programme ? programmeName(programme) : 'Programme';

  const exportCsv = async () => {
    setExportError(null);
    try {
      const r = await trpc.audit.exportCsv.query({ programmeId: id, filter: clean as never });
      download(`${fileSlug(title)}-history.csv`, r.csv, 'text/csv;charset=utf-8');
    } catch (e) { setExportError((e as Error).message); }
  };
  const exportJson = async (workflowId: string, name: string) => {
    setExportError(null);
    try {
      const r = await trpc.audit.exportJson.query({ workflowId });
      // Named by the record; the server's name (workflow and run) stays as the suffix, so runs stay apart.
      for (const f of r.files) download(`${fileSlug(name)}-${f.fileName}`, f.json, 'application/json');
    } catch (e) { setExportError((e as Error).message); }
  };
  const pages = q.data ? Math.max(1, Math.ceil(q.data.total / PER_PAGE)) : 1;

  return (
    <Box sx={{ p: { xs: 2, sm: 3 } }}>
      <Title title={`History: ${title}`} />
      <Typography variant="body1" color="text.secondary" sx={{ fontSize: '1.1rem' }}>History</Typography>
      <Typography component="h1" variant="h4">{title}</Typography>
      <Typography color="text.secondary" gutterBottom>
        Everything that happened to <Link to={createPath({ resource: 'programmes', type: 'show', id })}>{title}</Link>’s programme and its actions, visits and requests, read from the workflows’ own histories.
      </Typography>
      <Box component="form" role="search" aria-label="Filter the history" onSubmit={(e) => e.preventDefault()} sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, my: 2, alignItems: 'center' }}>
        <TextField fullWidth={false} select size="small" label="Kind" value={filter.kind ?? ''} onChange={(e) => set({ kind: e.target.value || undefined })} sx={{ minWidth: 180 }}>
          <MenuItem value="">All kinds</MenuItem>
          {Object.entries(KIND_LABELS).map(([k, v]) => <MenuItem key={k} value={k}>{v}</MenuItem>)}
        </TextField>
        <TextField fullWidth={false} select size="small" label="Category" value={filter.category ?? ''} onChange={(e) => set({ category: e.target.value || undefined })} sx={{ minWidth: 200 }}>
          <MenuItem value="">All categories</MenuItem>
          {Object.entries(CATEGORY_LABELS).map(([k, v]) => <MenuItem key={k} value={k}>{v}</MenuItem>)}
        </TextField>
        <TextField fullWidth={false} select size="small" label="Who" value={filter.actor ?? ''} onChange={(e) => set({ actor: e.target.value || undefined })} sx={{ minWidth: 200 }}>
          <MenuItem value="">Anyone</MenuItem>
          <MenuItem value="system">System (timers, escalations)</MenuItem>
          {(q.data?.actors ?? []).map((a) => <MenuItem key={a.userId} value={a.userId}>{a.who}</MenuItem>)}
        </TextField>
        <PlainDateInput name="from" label="From" value={filter.from ?? ''} onChange={(iso) => set({ from: iso || undefined })} />
        <PlainDateInput name="to" label="To" value={filter.to ?? ''} onChange={(iso) => set({ to: iso || undefined })} />
        <FormControlLabel control={<Checkbox checked={filter.includeSystem} onChange={(e) => set({ includeSystem: e.target.checked })} />} label="Show system events" />
      </Box>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, mb: 2 }}>
        <Button variant="outlined" onClick={() => void exportCsv()}>Export CSV</Button>
        {(q.data?.workflows ?? []).map((w) => (
          <Button key={w.workflowId} variant="outlined" onClick={() => void exportJson(w.workflowId, nameOf(w))} sx={{ textTransform: 'none' }}>
            Export JSON: {nameOf(w)}
          </Button>
        ))}
      </Box>
      {exportError ? <Alert severity="error">{exportError}</Alert> : null}
      {q.error ? <Alert severity="error">Could not read the history: {q.error.message}</Alert> : null}
      {q.isPending ? <Typography role="status">Reading the history…</Typography> : null}
      {q.data ? (
        <>
          <Typography role="status" aria-live="polite">{q.data.total} events{q.data.total > PER_PAGE ? `, page ${page} of ${pages}` : ''}</Typography>
          <Table size="small" aria-label={`History of ${title}`} sx={{ tableLayout: 'fixed', width: '100%' }}>
            <TableHead>
              <TableRow>
                {([['When (London)', '13%'], ['Record', '19%'], ['Who', '13%'], ['What', '30%'], ['Why', '14%'], ['Raw', '11%']] as const).map(([h, width]) => (
                  <TableCell key={h} component="th" scope="col" sx={{ width }}>{h}</TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {q.data.data.map((row) => <Row key={row.id} row={row} name={nameOf({ workflowId: row.workflowId, kind: row.workflowKind })} />)}
            </TableBody>
          </Table>
          <Box sx={{ display: 'flex', gap: 1, mt: 2 }}>
            <Button disabled={page <= 1} onClick={() => setPage(page - 1)}>Previous page</Button>
            <Button disabled={page >= pages} onClick={() => setPage(page + 1)}>Next page</Button>
          </Box>
        </>
      ) : null}
    </Box>
  );
}
