/**
 * A programme's history: every event of the programme and its actions, visits, interventions and
 * information requests, in business words (when, who, what, why), each expandable to the raw
 * Temporal event. Filters by kind, category, person and dates; exports CSV and replayable JSON.
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
import { Link, Title, useCreatePath, useParams } from 'react-admin';
import { PlainDateInput } from '../components/DateInput';
import { VisuallyHidden } from '../components/VisuallyHidden';
import { trpc } from '../providers/trpc';
import { useApiQuery } from '../use-api-query';
import { download } from './download';
import type { THistoryRow } from './types';

const KIND_LABELS: Record<string, string> = { programme: 'Programme', action: 'Action', monitoring_visit: 'Monitoring visit', intervention: 'Intervention', information_request: 'Information request', kpi_return: 'KPI return', other: 'Other' };
const CATEGORY_LABELS: Record<string, string> = { person: 'By a person', timer: 'Timers and clocks', escalation: 'Escalations and reminders', child: 'Child workflows', system: 'System' };
const PER_PAGE = 50;

type TFilter = { kind?: string; category?: string; actor?: string; from?: string; to?: string; includeSystem: boolean };

function Row({ row }: { row: THistoryRow }) {
  const [open, setOpen] = useState(false);
  return (
    <Fragment>
      <TableRow>
        <TableCell><time dateTime={new Date(row.at).toISOString()}>{row.when}</time></TableCell>
        <TableCell>{KIND_LABELS[row.workflowKind] ?? row.workflowKind}<Typography variant="body2" color="text.secondary" sx={{ wordBreak: 'break-all' }}>{row.workflowId} #{row.eventId}</Typography></TableCell>
        <TableCell>{row.who}</TableCell>
        <TableCell>{row.what}</TableCell>
        <TableCell>{row.why ?? ''}</TableCell>
        <TableCell>
          <Button size="small" aria-expanded={open} aria-controls={`raw-${row.id}`} onClick={() => setOpen(!open)}>
            {open ? 'Hide' : 'Show'} raw event<VisuallyHidden> {row.eventId} of {row.workflowId}</VisuallyHidden>
          </Button>
        </TableCell>
      </TableRow>
      {open ? (
        <TableRow>
          <TableCell colSpan={6} id={`raw-${row.id}`}>
            <Box component="pre" tabIndex={0} aria-label={`Raw Temporal event ${row.eventId}`} sx={{ m: 0, maxHeight: 320, overflow: 'auto', fontSize: '0.8rem', bgcolor: 'grey.100', p: 1 }}>
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
  const clean = Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined && v !== '')) as TFilter;
  const key = `history:${id}:${page}:${JSON.stringify(clean)}`;
  const q = useApiQuery(id ? key : null, (signal) => trpc.audit.history.query({ programmeId: id, filter: clean as never, pagination: { page, perPage: PER_PAGE } }, { signal }));
  const set = (patch: Partial<TFilter>) => { setFilter({ ...filter, ...patch }); setPage(1); };

  const exportCsv = async () => {
    setExportError(null);
    try {
      const r = await trpc.audit.exportCsv.query({ programmeId: id, filter: clean as never });
      download(r.fileName, r.csv, 'text/csv;charset=utf-8');
    } catch (e) { setExportError((e as Error).message); }
  };
  const exportJson = async (workflowId: string) => {
    setExportError(null);
    try {
      const r = await trpc.audit.exportJson.query({ workflowId });
      for (const f of r.files) download(f.fileName, f.json, 'application/json');
    } catch (e) { setExportError((e as Error).message); }
  };
  const pages = q.data ? Math.max(1, Math.ceil(q.data.total / PER_PAGE)) : 1;

  return (
    <Box sx={{ p: { xs: 2, sm: 3 } }}>
      <Title title="Programme history" />
      <Typography component="h1" variant="h4">History</Typography>
      <Typography color="text.secondary" gutterBottom>
        Everything that happened to <Link to={createPath({ resource: 'programmes', type: 'show', id })}>{id}</Link> and its actions, visits and requests, read from the workflows’ own histories.
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
          <Button key={w.workflowId} variant="outlined" onClick={() => void exportJson(w.workflowId)}>
            Export JSON: {KIND_LABELS[w.kind] ?? w.kind} {w.kind === 'programme' ? '' : w.workflowId.slice(-8)}
          </Button>
        ))}
      </Box>
      {exportError ? <Alert severity="error">{exportError}</Alert> : null}
      {q.error ? <Alert severity="error">Could not read the history: {q.error.message}</Alert> : null}
      {q.isPending ? <Typography role="status">Reading the history…</Typography> : null}
      {q.data ? (
        <>
          <Typography role="status" aria-live="polite">{q.data.total} events{q.data.total > PER_PAGE ? `, page ${page} of ${pages}` : ''}</Typography>
          <Table size="small" aria-label="History of the programme">
            <TableHead>
              <TableRow>
                {['When (London)', 'Workflow', 'Who', 'What', 'Why', 'Raw'].map((h) => <TableCell key={h} component="th" scope="col">{h}</TableCell>)}
              </TableRow>
            </TableHead>
            <TableBody>
              {q.data.data.map((row) => <Row key={row.id} row={row} />)}
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
