import Box from '@mui/material/Box';
import { WORKSTREAM_RAG_COLUMNS, type TWorkstreamRag, type TWorkstreamRagColumn } from '@ip/domain';
import { ACTION_RAG_LABELS } from '../actions/labels';
import { VisuallyHidden } from '../components/VisuallyHidden';
import { Panel } from './Panel';
import { RAG_COLOURS } from './rag-colours';

const COLUMNS = WORKSTREAM_RAG_COLUMNS;
type TColumn = TWorkstreamRagColumn;
const FILLS: Record<TColumn, string> = { ...RAG_COLOURS, awaiting_sign_off: '#1d70b8', complete: '#85994b' };

/** The counting is the domain's (figures.ts), shared with the board pack, so the two agree. */
export { ragByWorkstream, type TWorkstreamRag } from '@ip/domain';

/** RAG of the plan's actions by workstream: a table (the numbers) with a stacked bar per row (decorative). */
export function ActionRagPanel({ rows }: { rows: readonly TWorkstreamRag[] }) {
  const totals: Record<TColumn, number> = { red: 0, amber: 0, green: 0, awaiting_sign_off: 0, complete: 0 };
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
