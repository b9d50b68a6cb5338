import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { EditButton, Loading, Show, TopToolbar, useGetList, useRecordContext } from 'react-admin';
import type { TKpiReadingRecord, TKpiRecord } from '../api-types';

import { RagTag } from '../components/RagTag';
import { SummaryList } from '../components/SummaryList';
import { formatDate, formatKpiValue } from '../format';
import { KPI_DIRECTION_LABELS, KPI_PERIOD_LABELS, KPI_UNIT_LABELS, labelOf } from '../labels';
import { useCanMutate } from '../use-can-mutate';
import { KpiStandingField, LatestValueField, TrendField } from './fields';
import { KpiChart } from './KpiChart';
import { RecordReadingButton } from './RecordReadingDialog';
import { Section } from '../components/Section';

function Actions() {
  const kpi = useRecordContext<TKpiRecord>();
  const canMutate = useCanMutate();
  if (!kpi || !canMutate) return null;
  return (
    <TopToolbar>
      <EditButton label="Change KPI" />
      <RecordReadingButton kpi={kpi} />
    </TopToolbar>
  );
}


function ReadingsTable({ kpi, readings }: { kpi: TKpiRecord; readings: readonly TKpiReadingRecord[] }) {
  if (readings.length === 0) return <Typography color="text.secondary">No readings have been recorded yet.</Typography>;
  return (
    <Table size="small" aria-labelledby="readings-heading" sx={{ maxWidth: 900 }}>
      <TableHead>
        <TableRow>
          <TableCell component="th" scope="col">Period ending</TableCell>
          <TableCell component="th" scope="col" align="right">Figure</TableCell>
          <TableCell component="th" scope="col">RAG</TableCell>
          <TableCell component="th" scope="col">Note</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {[...readings].reverse().map((r) => (
          <TableRow key={r.id}>
            <TableCell component="th" scope="row" sx={{ whiteSpace: 'nowrap' }}>
              <time dateTime={r.periodEnd}>{formatDate(r.periodEnd)}</time>
            </TableCell>
            <TableCell align="right" sx={{ fontWeight: 700 }}>{formatKpiValue(r.value, kpi.unit)}</TableCell>
            <TableCell><RagTag rag={r.rag} /></TableCell>
            <TableCell>{r.note ?? ''}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function KpiDetail() {
  const kpi = useRecordContext<TKpiRecord>();
  const { data: readings, isPending } = useGetList<TKpiReadingRecord>(
    'kpiReadings',
    { filter: { kpiId: kpi?.id }, sort: { field: 'periodEnd', order: 'ASC' }, pagination: { page: 1, perPage: 500 } },
    { enabled: !!kpi },
  );
  if (!kpi) return null;
  const worse = kpi.direction === 'higher_is_better' ? 'Below' : 'Above';
  return (
    <Box sx={{ p: { xs: 2, sm: 3 } }}>
      <Typography variant="body1" color="text.secondary">Key performance indicator</Typography>
      <Typography component="h1" variant="h4" sx={{ mb: 1 }}>{kpi.name}</Typography>
      <Box sx={{ display: 'flex', gap: 3, alignItems: 'center', flexWrap: 'wrap' }}>
        <KpiStandingField source="rag" />
        <LatestValueField source="latestValue" />
        <TrendField source="trend" />
      </Box>
      {kpi.outOfDate && kpi.readingMissingFor && (
        <Typography sx={{ mt: 2, fontWeight: 700, borderLeft: '5px solid', borderColor: 'warning.main', pl: 2 }}>
          Out of date: the latest reading is for the period ending {formatDate(kpi.latestPeriodEnd)}; the reading for {formatDate(kpi.readingMissingFor)} has not been recorded.
        </Typography>
      )}
      {kpi.escalateToBoard && (
        <Typography sx={{ mt: 2, fontWeight: 700, borderLeft: '5px solid', borderColor: 'error.main', pl: 2 }}>
          Red for {kpi.redPeriodsRunning} periods running: this KPI goes to the improvement board.
        </Typography>
      )}

      <Section id="chart-heading" title="Readings against target">
        {isPending ? <Loading /> : <KpiChart kpi={kpi} readings={readings ?? []} />}
      </Section>

      <Section id="readings-heading" title="Readings">
        {isPending ? null : <ReadingsTable kpi={kpi} readings={readings ?? []} />}
      </Section>

      <Section id="definition-heading" title="Definition">
        <SummaryList
          rows={[
            ['Key', kpi.key],
            ['Target', formatKpiValue(kpi.target, kpi.unit)],
            ['Amber', `${worse} ${formatKpiValue(kpi.amberBand, kpi.unit)}`],
            ['Red', `${worse} ${formatKpiValue(kpi.redBand, kpi.unit)}`],
            ['Direction', labelOf(KPI_DIRECTION_LABELS, kpi.direction)],
            ['Unit', labelOf(KPI_UNIT_LABELS, kpi.unit)],
            ['Reported', labelOf(KPI_PERIOD_LABELS, kpi.period)],
            ['Red periods running', String(kpi.redPeriodsRunning)],
            ['Source', kpi.source],
          ]}
        />
      </Section>
    </Box>
  );
}

function KpiTitle() {
  const kpi = useRecordContext<TKpiRecord>();
  return <span>{kpi ? `KPI: ${kpi.name}` : 'KPI'}</span>;
}

/** One KPI: where it stands, its readings as a chart and a table, and its definition. */
export function KpiShow() {
  return (
    <Show title={<KpiTitle />} actions={<Actions />}>
      <KpiDetail />
    </Show>
  );
}
