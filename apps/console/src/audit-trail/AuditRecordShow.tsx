import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { Show, useRecordContext } from 'react-admin';
import type { TAuditRecord } from '../api-types';
import { SummaryList } from '../components/SummaryList';
import { formatDateTime } from '../format';
import { ROLE_LABELS } from '../labels';
import { ACTION_LABELS, ENTITY_LABELS, labelOf } from './labels';

type TJson = Record<string, unknown> | null;
const show = (v: unknown) => (v === undefined || v === null || v === '' ? '—' : typeof v === 'string' ? v : JSON.stringify(v));

/** Field-by-field before and after, changed fields first and marked, as a plain table. */
function Changes({ before, after }: { before: TJson; after: TJson }) {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  const changed = (k: string) => show(before?.[k]) !== show(after?.[k]);
  keys.sort((a, b) => Number(changed(b)) - Number(changed(a)));
  if (keys.length === 0) return <Typography>No record content was stored for this change.</Typography>;
  return (
    <Box component="table" sx={{ borderCollapse: 'collapse', width: '100%', '& th, & td': { textAlign: 'left', p: 1, borderBottom: 1, borderColor: 'divider', verticalAlign: 'top', wordBreak: 'break-word' } }}>
      <caption style={{ textAlign: 'left', fontWeight: 700, padding: '8px 0' }}>What changed</caption>
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Before</th>
          <th scope="col">After</th>
        </tr>
      </thead>
      <tbody>
        {keys.map((k) => (
          <tr key={k}>
            <th scope="row">{changed(k) ? <strong>{k} (changed)</strong> : k}</th>
            <td>{show(before?.[k])}</td>
            <td>{show(after?.[k])}</td>
          </tr>
        ))}
      </tbody>
    </Box>
  );
}

function Detail() {
  const r = useRecordContext<TAuditRecord>();
  if (!r) return null;
  return (
    <Box sx={{ p: { xs: 2, sm: 3 } }}>
      <Typography component="h1" variant="h4" sx={{ mb: 3 }}>
        {labelOf(ACTION_LABELS, r.action)} {labelOf(ENTITY_LABELS, r.entity).toLowerCase()}
      </Typography>
      <SummaryList
        rows={[
          ['When', formatDateTime(r.at)],
          ['Who', `${r.actorName ?? r.actorUserId ?? 'System'}${r.actorRole ? ` (${labelOf(ROLE_LABELS, r.actorRole)})` : ''}`],
          ['Record', `${labelOf(ENTITY_LABELS, r.entity)} ${r.entityId}`],
          ['Why', r.reason ?? '—'],
          ['Fingerprint', <Box component="span" sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>{r.hash ?? 'Written before fingerprints began'}</Box>],
          ['Previous fingerprint', <Box component="span" sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>{r.prevHash ?? '—'}</Box>],
        ]}
      />
      <Box sx={{ mt: 3 }}>
        <Changes before={r.before as TJson} after={r.after as TJson} />
      </Box>
    </Box>
  );
}

/** One audit record: who changed what, when and why, the values before and after, and its fingerprint. */
export function AuditRecordShow() {
  return (
    <Show title="Audit record">
      <Detail />
    </Show>
  );
}
