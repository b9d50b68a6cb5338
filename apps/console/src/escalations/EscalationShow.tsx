import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { Show, TopToolbar, usePermissions, useRecordContext } from 'react-admin';
import type { TRole } from '@ip/domain';
import { Section } from '../components/Section';
import { DeliveriesTable } from '../outbox/fields';
import type { TEscalationRecord } from '../api-types';
import { IsoDateField } from '../components/fields';
import { SummaryList } from '../components/SummaryList';
import { AcknowledgeButton } from './AcknowledgeButton';
import { AcknowledgementField, KindField, LevelField } from './fields';

function Actions() {
  const record = useRecordContext<TEscalationRecord>();
  return <TopToolbar>{record && <AcknowledgeButton escalation={record} variant="contained" />}</TopToolbar>;
}

function Detail() {
  const record = useRecordContext<TEscalationRecord>();
  const { permissions } = usePermissions<TRole | undefined>();
  if (!record) return null;
  return (
    <Box sx={{ p: { xs: 2, sm: 3 } }}>
      <Typography variant="body1" color="text.secondary">
        {record.subjectTitle}
      </Typography>
      <Typography component="h1" variant="h4" sx={{ mb: 3 }}>
        {record.label}
      </Typography>
      <SummaryList
        rows={[
          ['About', record.subjectTitle],
          ['Who was told', <LevelField source="level" />],
          ['Kind', <KindField source="kind" />],
          ['Deadline', <IsoDateField source="dueOn" />],
          ['Due to fire', <IsoDateField source="fireAt" withTime />],
          ['Raised', <IsoDateField source="firedAt" withTime />],
          ['Acknowledgement', <AcknowledgementField source="acknowledgedAt" withButton={false} />],
        ]}
      />
      <Section id="emails-heading" title="Emails">
        <DeliveriesTable target="escalationId" empty="No emails: this escalation was recorded before emails were sent." admin={permissions === 'admin'} />
      </Section>
    </Box>
  );
}

/** One reminder or escalation: what fired, for which deadline, who was told, who acknowledged it. */
export function EscalationShow() {
  return (
    <Show title="Escalation" actions={<Actions />}>
      <Detail />
    </Show>
  );
}
