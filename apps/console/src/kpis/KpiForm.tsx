import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { NumberInput, SelectInput, TextInput } from 'react-admin';
import { type z } from 'zod';
import { ZCreateKpiInput, ZKpiDefinitionFields, ZKpiDirection, ZKpiPeriod, ZKpiUnit } from '@ip/domain';
import { ReasonInput } from '../components/commands';
import { prefixed } from '../forms/field-paths';
import { zodFormResolver } from '../forms/zod-form-resolver';
import { KPI_DIRECTION_LABELS, KPI_PERIOD_LABELS, KPI_UNIT_LABELS } from '../labels';

/**
 * The KPI form: the create command minus what the console supplies (programme, request id). The
 * same shape is react-admin's `update` data, so the edit form uses it too.
 */
export const ZKpiForm = ZCreateKpiInput.omit({ programmeId: true, clientRequestId: true });
export type TKpiForm = z.infer<typeof ZKpiForm>;

export const kpiResolver = zodFormResolver(ZKpiForm, {
  'kpi.key': 'Enter a key, e.g. caseload_average',
  'kpi.unit': 'Select the unit',
  'kpi.direction': 'Say whether higher or lower is better',
  'kpi.target': 'Enter the target',
  'kpi.amberBand': 'Enter the amber threshold',
  'kpi.redBand': 'Enter the red threshold',
  'kpi.period': 'Say how often the figure is reported',
  reason: 'Give a reason for this change',
});
export const KPI_FIELDS = [...prefixed('kpi', ZKpiDefinitionFields.keyof().options), 'reason'];

const choices = <K extends string>(options: readonly K[], labels: Record<K, string>) => options.map((id) => ({ id, name: labels[id] }));

export function KpiInputs({ keyLocked = false }: { keyLocked?: boolean }) {
  return (
    <Box sx={{ maxWidth: 640, width: '100%' }}>
      <TextInput source="kpi.name" label="Name" helperText="As the board report words it" />
      <TextInput
        source="kpi.key"
        label="Key"
        readOnly={keyLocked}
        helperText={keyLocked ? 'The key cannot change once readings refer to it' : 'Lower case, e.g. caseload_average. Readings refer to it, so choose it once'}
      />
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
        <SelectInput source="kpi.unit" label="Unit" choices={choices(ZKpiUnit.options, KPI_UNIT_LABELS)} emptyText="Select a unit" helperText={false} sx={{ flex: '1 1 160px' }} />
        <SelectInput source="kpi.period" label="Reported" choices={choices(ZKpiPeriod.options, KPI_PERIOD_LABELS)} emptyText="Select" helperText={false} sx={{ flex: '1 1 160px' }} />
        <SelectInput source="kpi.direction" label="Direction" choices={choices(ZKpiDirection.options, KPI_DIRECTION_LABELS)} emptyText="Select" helperText={false} sx={{ flex: '1 1 200px' }} />
      </Box>
      <Typography component="h2" variant="h6" sx={{ mt: 1 }}>
        Target and thresholds
      </Typography>
      <Typography variant="body2" sx={{ mb: 1 }}>
        A figure worse than the amber threshold is amber; worse than the red threshold is red. A figure exactly on a
        threshold takes the better colour.
      </Typography>
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
        <NumberInput source="kpi.target" label="Target" helperText={false} sx={{ flex: '1 1 160px' }} />
        <NumberInput source="kpi.amberBand" label="Amber threshold" helperText={false} sx={{ flex: '1 1 160px' }} />
        <NumberInput source="kpi.redBand" label="Red threshold" helperText={false} sx={{ flex: '1 1 160px' }} />
      </Box>
      <TextInput source="kpi.source" label="Source" helperText="Where the figure comes from, e.g. the monthly performance report" />
      <ReasonInput example="Agreed at the improvement board on 3 December" />
    </Box>
  );
}
