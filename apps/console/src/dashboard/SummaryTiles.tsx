import type { ReactNode } from 'react';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { Link } from 'react-admin';
import type { TRagCounts } from '@ip/domain';
import { HEAT_FILLS } from '../components/RiskHeatMap';
import { RAG_LABELS } from '../labels';
import { RAG_COLOURS } from './rag-colours';

const ORDER = ['red', 'amber', 'green'] as const;
const BAR: Record<keyof TRagCounts, string> = { ...RAG_COLOURS, none: '#b1b4b6' };

export { countRag, type TRagCounts } from '@ip/domain';

function Tile({ id, title, to, linkText, children }: { id: string; title: string; to: string; linkText: string; children: ReactNode }) {
  return (
    <Box
      component="section"
      aria-labelledby={id}
      sx={{ backgroundColor: 'background.paper', border: '1px solid', borderColor: 'divider', borderTop: '5px solid', borderTopColor: 'primary.main', p: 2, display: 'flex', flexDirection: 'column' }}
    >
      <Typography id={id} component="h2" variant="h6" sx={{ mb: 1 }}>
        {title}
      </Typography>
      <Box sx={{ flex: 1 }}>{children}</Box>
      <Link to={to} sx={{ mt: 1.5, fontSize: '0.95rem' }}>
        {linkText}
      </Link>
    </Box>
  );
}

/** A stacked bar of the RAG split (decorative) and the counts in words beside coloured keys. */
function RagBreakdown({ counts, noun }: { counts: TRagCounts; noun: string }) {
  const total = counts.red + counts.amber + counts.green + counts.none;
  if (total === 0) return <Typography color="text.secondary">No {noun} yet</Typography>;
  const parts = [...ORDER, 'none' as const].filter((k) => counts[k] > 0);
  return (
    <>
      <Box aria-hidden="true" sx={{ display: 'flex', height: 12, mb: 1.5, border: '1px solid #0b0c0c' }}>
        {parts.map((k) => (
          <Box key={k} sx={{ flex: counts[k], backgroundColor: BAR[k] }} />
        ))}
      </Box>
      <Box component="dl" sx={{ m: 0, display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: 1.5, rowGap: 0.5, alignItems: 'center' }}>
        {[...ORDER, 'none' as const].map((k) =>
          k === 'none' && counts.none === 0 ? null : (
            <Box key={k} sx={{ display: 'contents' }}>
              <Box component="dt" sx={{ display: 'flex', alignItems: 'center', gap: 1, fontSize: '1rem' }}>
                <Box aria-hidden="true" sx={{ width: 14, height: 14, backgroundColor: k === 'none' ? '#e5e6e7' : HEAT_FILLS[k], border: `2px solid ${BAR[k]}` }} />
                {k === 'none' ? 'No data' : RAG_LABELS[k]}
              </Box>
              <Box component="dd" sx={{ m: 0, fontWeight: 700, fontSize: '1.25rem' }}>
                {counts[k]}
              </Box>
            </Box>
          ),
        )}
      </Box>
    </>
  );
}

function BigNumber({ value, caption, alert }: { value: number; caption: string; alert?: boolean }) {
  return (
    <Box sx={{ mb: 1 }}>
      <Typography component="span" sx={{ fontSize: '2.75rem', fontWeight: 700, lineHeight: 1, color: alert && value > 0 ? 'error.main' : 'text.primary' }}>
        {value}
      </Typography>
      <Typography component="span" sx={{ display: 'block', fontSize: '1rem' }}>
        {caption}
      </Typography>
    </Box>
  );
}

export interface TSummary {
  kpis: TRagCounts;
  risks: TRagCounts;
  risksToEscalate: number;
  openEscalations: number;
  deadlinesSoon: number;
  overdue: number;
}

/** The row of headline tiles: KPIs by RAG, risks by RAG, open escalations, deadlines. */
export function SummaryTiles({ summary, clocksPath }: { summary: TSummary; clocksPath: string }) {
  return (
    <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr', lg: 'repeat(4, 1fr)' } }}>
      <Tile id="tile-kpis" title="KPIs by RAG" to="/kpis" linkText="View KPIs">
        <RagBreakdown counts={summary.kpis} noun="KPIs" />
      </Tile>
      <Tile id="tile-risks" title="Risks after mitigation" to="/risks" linkText="View risk register">
        <RagBreakdown counts={summary.risks} noun="risks" />
        {summary.risksToEscalate > 0 && (
          <Typography variant="body2" sx={{ mt: 1 }}>
            {summary.risksToEscalate} at or over threshold
          </Typography>
        )}
      </Tile>
      <Tile id="tile-escalations" title="Open escalations" to="/escalations" linkText="View escalations">
        <BigNumber value={summary.openEscalations} caption="not yet acknowledged" alert />
      </Tile>
      <Tile id="tile-deadlines" title="Deadlines" to={clocksPath} linkText="View all statutory clocks">
        <BigNumber value={summary.deadlinesSoon} caption="due in the next 20 working days" />
        <Typography sx={{ fontWeight: summary.overdue > 0 ? 700 : 400, color: summary.overdue > 0 ? 'error.main' : 'text.primary' }}>
          {summary.overdue === 0 ? 'None overdue' : `${summary.overdue} overdue`}
        </Typography>
      </Tile>
    </Box>
  );
}
