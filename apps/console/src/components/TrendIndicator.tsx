import Box from '@mui/material/Box';
import ArrowDownward from '@mui/icons-material/ArrowDownward';
import ArrowForward from '@mui/icons-material/ArrowForward';
import ArrowUpward from '@mui/icons-material/ArrowUpward';
import type { TKpiDirection, TKpiTrend } from '@ip/domain';
import { KPI_TREND_LABELS } from '../labels';

/**
 * Direction of travel since the last period. The arrow shows which way the figure moved (a
 * caseload falling is a down arrow) and the word says whether that is better or worse, so neither
 * the arrow nor the colour has to be interpreted on its own.
 */
export function TrendIndicator({ trend, direction }: { trend: TKpiTrend; direction: TKpiDirection }) {
  const rose = trend === 'flat' ? null : (trend === 'improving') === (direction === 'higher_is_better');
  const Icon = rose === null ? ArrowForward : rose ? ArrowUpward : ArrowDownward;
  const colour = trend === 'improving' ? 'success.main' : trend === 'worsening' ? 'error.main' : 'text.secondary';
  return (
    <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, color: colour, fontWeight: 700 }}>
      <Icon fontSize="small" aria-hidden="true" />
      <Box component="span" sx={{ fontSize: '0.95rem' }}>
        {KPI_TREND_LABELS[trend]}
      </Box>
    </Box>
  );
}
