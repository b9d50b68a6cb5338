import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { NumberInput, SelectInput, TextInput } from 'react-admin';
import type { z } from 'zod';
import { ZRecordRiskInput, ZRiskFields } from '@ip/domain';
import { ReasonInput } from '../components/commands';
import { prefixed } from '../forms/field-paths';
import { zodFormResolver } from '../forms/zod-form-resolver';
import { IMPACT_WORDS, LIKELIHOOD_WORDS } from '../labels';

/**
 * The risk form: the record command minus what the console supplies (programme, request id). It is
 * also react-admin's `update` data (`risks.update`), so add and edit share it.
 */
export const ZRiskForm = ZRecordRiskInput.omit({ programmeId: true, clientRequestId: true });
export type TRiskForm = z.infer<typeof ZRiskForm>;

const AXES = ['beforeMitigation', 'afterMitigation'] as const;

export const riskResolver = zodFormResolver(ZRiskForm, {
  'risk.ref': 'Enter a reference, e.g. R07',
  'risk.title': 'Enter a short title for the risk',
  'risk.owner': 'Name the risk owner',
  'risk.beforeMitigation.likelihood': 'Select the likelihood before mitigation',
  'risk.beforeMitigation.impact': 'Select the impact before mitigation',
  'risk.afterMitigation.likelihood': 'Select the likelihood after mitigation',
  'risk.afterMitigation.impact': 'Select the impact after mitigation',
  'risk.threshold': 'Enter the escalation threshold, a score from 1 to 25',
  reason: 'Give a reason for this change',
});

export const RISK_FIELDS = [
  ...prefixed('risk', ZRiskFields.keyof().options),
  ...AXES.flatMap((axis) => [`risk.${axis}.likelihood`, `risk.${axis}.impact`]),
  'reason',
];

const scale = (words: readonly string[]) => words.map((word, i) => ({ id: i + 1, name: `${i + 1} – ${word}` }));
const toNumber = (v: unknown) => (v === '' || v == null ? null : Number(v));

function Assessment({ axis, legend, hint }: { axis: (typeof AXES)[number]; legend: string; hint: string }) {
  return (
    <Box component="fieldset" sx={{ border: 0, p: 0, m: 0, mt: 1 }}>
      <Typography component="legend" variant="h6">
        {legend}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {hint}
      </Typography>
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
        <SelectInput source={`risk.${axis}.likelihood`} label="Likelihood" choices={scale(LIKELIHOOD_WORDS)} parse={toNumber} emptyText="Select" helperText={false} sx={{ flex: '1 1 220px' }} />
        <SelectInput source={`risk.${axis}.impact`} label="Impact" choices={scale(IMPACT_WORDS)} parse={toNumber} emptyText="Select" helperText={false} sx={{ flex: '1 1 220px' }} />
      </Box>
    </Box>
  );
}

/** The risk's inputs; the reference is fixed once the risk is on the register (edit). */
export function RiskInputs({ refLocked = false }: { refLocked?: boolean }) {
  return (
    <Box sx={{ maxWidth: 640, width: '100%' }}>
      <TextInput source="risk.ref" label="Reference" readOnly={refLocked} helperText={refLocked ? undefined : 'The register’s reference, e.g. R07'} sx={{ maxWidth: 320 }} />
      <TextInput source="risk.title" label="Risk" helperText="What could happen, and what it would mean for children" multiline />
      <TextInput source="risk.owner" label="Owner" helperText="Name and role, e.g. Sam Patel, Head of Workforce" />
      <Assessment axis="beforeMitigation" legend="Before mitigation" hint="The inherent risk, with no controls in place" />
      <Assessment axis="afterMitigation" legend="After mitigation" hint="The residual risk with today’s controls. This score is RAG-rated and escalated" />
      <TextInput source="risk.mitigation" label="Mitigation (optional)" helperText="The controls in place or planned" multiline minRows={2} />
      <NumberInput
        source="risk.threshold"
        label="Escalation threshold"
        helperText="A residual score (likelihood × impact) at or above this goes to the owner, then the board"
        min={1}
        max={25}
        sx={{ maxWidth: 420 }}
      />
      <ReasonInput example="Quarterly risk review at the improvement board" />
    </Box>
  );
}
