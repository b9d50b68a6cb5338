import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { Link, useCreatePath } from 'react-admin';
import type { TKpiReadingRecord, TKpiRecord } from '../api-types';
import { RagTag } from '../components/RagTag';
import { Sparkline } from '../components/Sparkline';
import { TrendIndicator } from '../components/TrendIndicator';
import { formatDate, formatKpiValue, formatPeriodEnd } from '../format';
import { StatusTag } from '../components/StatusTag';
import { Panel } from './Panel';
import { RAG_COLOURS } from './rag-colours';

/** Reds first: the board reads the problems before the good news. */
const RAG_ORDER = { red: 0, amber: 1, green: 2 } as const;
const SPARK_PERIODS = 12;

function KpiTile({ kpi, values }: { kpi: TKpiRecord; values: readonly number[] }) {
  const createPath = useCreatePath();
  const headingId = `kpi-tile-${kpi.id}`;
  return (
    <Box
      component="article"
      aria-labelledby={headingId}
      sx={{ border: '1px solid', borderColor: 'divider', borderLeft: '6px solid', borderLeftColor: kpi.rag ? RAG_COLOURS[kpi.rag] : '#b1b4b6', p: 2, display: 'flex', flexDirection: 'column', gap: 1 }}
    >
      <Typography id={headingId} component="h3" sx={{ fontWeight: 700, fontSize: '1.05rem', lineHeight: 1.3, minHeight: '2.6em' }}>
        <Link to={createPath({ resource: 'kpis', type: 'show', id: kpi.id })}>{kpi.name}</Link>
      </Typography>
      <Box sx={{ display: 'flex', alignItems: 'flex-end', justifyContent: 'space-between', gap: 1 }}>
        <Box>
          <Typography component="p" sx={{ fontSize: '2.25rem', fontWeight: 700, lineHeight: 1 }}>
            {kpi.latestValue == null ? '–' : formatKpiValue(kpi.latestValue, kpi.unit)}
          </Typography>
          <Typography variant="body2" sx={{ mt: 0.5 }}>
            Target {formatKpiValue(kpi.target, kpi.unit)}
          </Typography>
        </Box>
        <Sparkline values={values} />
      </Box>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
        <RagTag rag={kpi.rag} />
        {kpi.outOfDate && <StatusTag label="Out of date" tone="orange" />}
        {kpi.readingCount > 1 && <TrendIndicator trend={kpi.trend} direction={kpi.direction} />}
      </Box>
      <Typography variant="body2" color={kpi.outOfDate ? 'text.primary' : 'text.secondary'} sx={{ fontWeight: kpi.outOfDate ? 700 : 400 }}>
        {kpi.latestPeriodEnd ? formatPeriodEnd(kpi.latestPeriodEnd, kpi.period) : 'No readings yet'}
        {kpi.outOfDate && kpi.readingMissingFor ? `: not current, no reading since (the ${kpi.period === 'quarterly' ? 'quarter' : 'month'} ending ${formatDate(kpi.readingMissingFor)} is missing)` : ''}
      </Typography>
    </Box>
  );
}

/** One tile per KPI against its target, reds first, each with the last 12 periods as a sparkline. */
export function KpiTiles({ kpis, readings }: { kpis: readonly TKpiRecord[]; readings: readonly TKpiReadingRecord[] }) {
  const byKpi = new Map<string, number[]>();
  for (const r of readings) (byKpi.get(r.kpiId) ?? byKpi.set(r.kpiId, []).get(r.kpiId))?.push(r.value);
  const ordered = [...kpis].sort((a, b) => (a.rag ? RAG_ORDER[a.rag] : 3) - (b.rag ? RAG_ORDER[b.rag] : 3) || a.name.localeCompare(b.name));
  return (
    <Panel id="kpis-heading" title="Key performance indicators" link={{ to: '/kpis', text: 'View all KPIs' }}>
      {kpis.length === 0 ? (
        <Typography>No KPIs have been set up for this programme yet.</Typography>
      ) : (
        <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: 'repeat(auto-fill, minmax(270px, 1fr))' }}>
          {ordered.map((kpi) => (
            <KpiTile key={kpi.id} kpi={kpi} values={(byKpi.get(kpi.id) ?? []).slice(-SPARK_PERIODS)} />
          ))}
        </Box>
      )}
    </Panel>
  );
}
