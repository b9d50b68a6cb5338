import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { EditButton, Show, TopToolbar, useRecordContext } from 'react-admin';
import type { TRiskRecord } from '../api-types';
import { IsoDateField } from '../components/fields';
import { SummaryList } from '../components/SummaryList';
import { useCanMutate } from '../use-can-mutate';
import { IMPACT_WORDS, LIKELIHOOD_WORDS } from '../labels';
import { EscalationFlagField, ScoreField } from './fields';

function Actions() {
  const canMutate = useCanMutate();
  return <TopToolbar>{canMutate && <EditButton label="Review this risk" variant="contained" />}</TopToolbar>;
}

const position = (p: { likelihood: number; impact: number }) =>
  `Likelihood ${p.likelihood} (${LIKELIHOOD_WORDS[p.likelihood - 1] ?? ''}) × impact ${p.impact} (${IMPACT_WORDS[p.impact - 1] ?? ''})`;

function Scored({ source, text }: { source: string; text: string }) {
  return (
    <>
      <ScoreField source={source} />
      <Typography variant="body2" sx={{ mt: 0.5 }}>
        {text}
      </Typography>
    </>
  );
}

function RiskDetail() {
  const risk = useRecordContext<TRiskRecord>();
  if (!risk) return null;
  return (
    <Box sx={{ p: { xs: 2, sm: 3 } }}>
      <Typography variant="body1" color="text.secondary">
        Risk {risk.ref}
      </Typography>
      <Typography component="h1" variant="h4" sx={{ mb: 3, maxWidth: 900 }}>
        {risk.title}
      </Typography>
      <SummaryList
        rows={[
          ['Owner', risk.owner],
          ['Before mitigation', <Scored source="beforeScore" text={position(risk.beforeMitigation)} />],
          ['After mitigation', <Scored source="score" text={position(risk.afterMitigation)} />],
          ['Previous residual score', risk.previousScore == null ? 'Not re-scored yet' : String(risk.previousScore)],
          ['Escalation threshold', String(risk.threshold)],
          ['Escalation', <EscalationFlagField source="escalation" />],
          ['Mitigation', risk.mitigation ?? 'None recorded'],
          ['Last reviewed', <IsoDateField source="updatedAt" withTime />],
        ]}
      />
    </Box>
  );
}

function RiskTitle() {
  const risk = useRecordContext<TRiskRecord>();
  return <span>{risk ? `Risk ${risk.ref}` : 'Risk'}</span>;
}

/** One risk: its scores before and after mitigation, why it escalates, and its mitigation. */
export function RiskShow() {
  return (
    <Show title={<RiskTitle />} actions={<Actions />}>
      <RiskDetail />
    </Show>
  );
}
