import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useRecordContext } from 'react-admin';
import type { TKpiRecord } from '../api-types';
import type { TFieldProps } from '../components/fields';
import { RagTag } from '../components/RagTag';
import { StatusTag } from '../components/StatusTag';
import { TrendIndicator } from '../components/TrendIndicator';
import { formatKpiValue, formatPeriodEnd } from '../format';

/** The latest figure in the KPI's unit, with the period it covers underneath. */
export function LatestValueField(_props: TFieldProps) {
  const kpi = useRecordContext<TKpiRecord>();
  if (!kpi) return null;
  if (kpi.latestValue == null) {
    return (
      <Typography component="span" variant="body2" color="text.secondary">
        No readings yet
      </Typography>
    );
  }
  return (
    <span>
      <Typography component="span" sx={{ fontWeight: 700, fontSize: '1.1rem', display: 'block' }}>
        {formatKpiValue(kpi.latestValue, kpi.unit)}
      </Typography>
      <Typography component="span" variant="body2" color="text.secondary">
        {formatPeriodEnd(kpi.latestPeriodEnd, kpi.period)}
      </Typography>
    </span>
  );
}

/** "16 (lower is better)". */
export function TargetField(_props: TFieldProps) {
  const kpi = useRecordContext<TKpiRecord>();
  if (!kpi) return null;
  return (
    <Typography component="span" variant="body2">
      {formatKpiValue(kpi.target, kpi.unit)}{' '}
      <Typography component="span" variant="body2" color="text.secondary">
        ({kpi.direction === 'higher_is_better' ? 'higher is better' : 'lower is better'})
      </Typography>
    </Typography>
  );
}

export function TrendField(_props: TFieldProps) {
  const kpi = useRecordContext<TKpiRecord>();
  if (!kpi) return null;
  if (kpi.readingCount < 2) {
    return (
      <Typography component="span" variant="body2" color="text.secondary">
        Not enough readings
      </Typography>
    );
  }
  return <TrendIndicator trend={kpi.trend} direction={kpi.direction} />;
}

/** RAG of the latest reading, with "Out of date" beside it when that reading is older than the reporting period. */
export function KpiStandingField(_props: TFieldProps) {
  const kpi = useRecordContext<TKpiRecord>();
  if (!kpi) return null;
  return (
    <Box component="span" sx={{ display: 'inline-flex', gap: 0.5, flexWrap: 'wrap' }}>
      <RagTag rag={kpi.rag} />
      {kpi.outOfDate && <StatusTag label="Out of date" tone="orange" />}
    </Box>
  );
}
