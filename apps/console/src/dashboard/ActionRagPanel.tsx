import Box from '@mui/material/Box';
import type { TActionRag } from '@ip/domain';
import type { TActionListRecord, TWorkstreamRecord } from '../api-types';
import { ACTION_RAG_LABELS } from '../actions/labels';
import { VisuallyHidden } from '../components/VisuallyHidden';
import { Panel } from './Panel';
import { RAG_COLOURS } from './rag-colours';

/** The columns, worst first; cancelled actions are left out of the plan's picture. */
const COLUMNS = ['red', 'amber', 'green', 'awaiting_sign_off', 'complete'] as const satisfies readonly TActionRag[];
type TColumn = (typeof COLUMNS)[number];
const FILLS: Record<TColumn, string> = { ...RAG_COLOURS, awaiting_sign_off: '#1d70b8', complete: '#85994b' };

export interface TWorkstreamRag {
  key: string;
  name: string;
  counts: Record<TColumn, number>;
  total: number;
}

const empty = (): Record<TColumn, number> => ({ red: 0, amber: 0, green: 0, awaiting_sign_off: 0, complete: 0 });

/**
 * Actions counted by RAG for each workstream, in the plan's priority order; actions whose workstream
 * is not in the register come last under "Not in a workstream". Rows with no actions are kept, so a
 * priority with nothing planned against it shows as such.
 */
export function ragByWorkstream(actions: readonly TActionListRecord[], workstreams: readonly TWorkstreamRecord[]): TWorkstreamRag[] {
  const rows = workstreams.map((w) => ({
    key: w.key, name: w.priorityNumber != null ? `${w.priorityNumber}. ${w.name}` : w.name, counts: empty(), total: 0,
  }));
  const byKey = new Map(workstreams.flatMap((w, i) => [[w.key, rows[i]!], [w.name, rows[i]!]] as const));
  const other: TWorkstreamRag = { key: '', name: 'Not in a workstream', counts: empty(), total: 0 };
  for (const a of actions) {
    if (a.rag === 'cancelled') continue;
    const row = (a.workstream && byKey.get(a.workstream)) || other;
    row.counts[a.rag] += 1;
    row.total += 1;
  }
  return other.total > 0 ? [...rows, other] : rows;
}

/** RAG of the plan's actions by workstream: a table (the numbers) with a stacked bar per row (decorative). */
export function ActionRagPanel({ actions, workstreams }: { actions: readonly TActionListRecord[]; workstreams: readonly TWorkstreamRecord[] }) {
  const rows = ragByWorkstream(actions, workstreams);
  const totals = empty();
  for (const r of rows) for (const c of COLUMNS) totals[c] += r.counts[c];
  const cell = { p: 1, borderBottom: '1px solid', borderColor: 'divider', textAlign: 'right' as const, fontVariantNumeric: 'tabular-nums' };
  return (
    <Panel id="action-rag-heading" title="Actions by RAG, per workstream" link={{ to: '/action-plan', text: 'Open the action plan' }}>
      {rows.length === 0 ? (
        <Box component="p" sx={{ m: 0 }}>No workstreams or actions yet.</Box>
      ) : (
        <Box sx={{ overflowX: 'auto' }}>
          <Box component="table" sx={{ borderCollapse: 'collapse', width: '100%', fontSize: '1rem' }}>
            <caption style={{ textAlign: 'left', paddingBottom: 8 }}>Open and closed actions of the plan, counted by their RAG today</caption>
            <thead>
              <tr>
                <Box component="th" scope="col" sx={{ ...cell, textAlign: 'left' }}>Workstream</Box>
                {COLUMNS.map((c) => (
                  <Box component="th" scope="col" key={c} sx={cell}>{ACTION_RAG_LABELS[c]}</Box>
                ))}
                <Box component="th" scope="col" sx={{ ...cell, width: '30%', textAlign: 'left' }}>
                  <VisuallyHidden>Split by RAG</VisuallyHidden>
                </Box>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key || 'none'}>
                  <Box component="th" scope="row" sx={{ ...cell, textAlign: 'left', fontWeight: 400 }}>{r.name}</Box>
                  {COLUMNS.map((c) => (
                    <Box component="td" key={c} sx={{ ...cell, fontWeight: r.counts[c] > 0 && c === 'red' ? 700 : 400 }}>{r.counts[c]}</Box>
                  ))}
                  <Box component="td" sx={{ ...cell, textAlign: 'left' }}>
                    {r.total === 0 ? (
                      <Box component="span" sx={{ color: 'text.secondary' }}>No actions</Box>
                    ) : (
                      <Box aria-hidden="true" sx={{ display: 'flex', height: 14, border: '1px solid #0b0c0c' }}>
                        {COLUMNS.filter((c) => r.counts[c] > 0).map((c) => (
                          <Box key={c} sx={{ flex: r.counts[c], backgroundColor: FILLS[c] }} />
                        ))}
                      </Box>
                    )}
                  </Box>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <Box component="th" scope="row" sx={{ ...cell, textAlign: 'left' }}>All actions</Box>
                {COLUMNS.map((c) => (
                  <Box component="td" key={c} sx={{ ...cell, fontWeight: 700 }}>{totals[c]}</Box>
                ))}
                <Box component="td" sx={cell} />
              </tr>
            </tfoot>
          </Box>
        </Box>
      )}
    </Panel>
  );
}
