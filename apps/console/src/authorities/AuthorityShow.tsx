import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { Datagrid, ReferenceManyField, Show, TextField, useRecordContext } from 'react-admin';
import { GradeField, IsoDateField, PhaseField } from '../components/fields';
import { SummaryList } from '../components/SummaryList';
import type { TAuthorityRecord } from './types';

function AuthorityDetail() {
  const record = useRecordContext<TAuthorityRecord>();
  if (!record) return null;
  return (
    <Box sx={{ p: { xs: 2, sm: 3 } }}>
      <Typography component="h1" variant="h4" gutterBottom>
        {record.name}
      </Typography>
      <SummaryList
        rows={[
          ['ONS code', record.onsCode],
          ['Current grade', <GradeField source="currentGrade" />],
          ['Intervention status', record.interventionStatus ?? 'None'],
        ]}
      />
      <Box component="section" aria-labelledby="programmes-heading" sx={{ mt: 4 }}>
        <Typography id="programmes-heading" component="h2" variant="h5" gutterBottom>
          Programmes
        </Typography>
        <ReferenceManyField
          reference="programmes"
          target="authorityId"
          sort={{ field: 'startedAt', order: 'DESC' }}
          empty={<Typography color="text.secondary">No programme has been started for this authority.</Typography>}
        >
          <Datagrid rowClick="show" bulkActionButtons={false}>
            <TextField source="cycle" label="Cycle" />
            <PhaseField source="phase" label="Phase" />
            <GradeField source="grade" label="Grade" />
            <IsoDateField source="actionPlanDueOn" label="Action plan due" />
            <IsoDateField source="startedAt" label="Started" />
          </Datagrid>
        </ReferenceManyField>
      </Box>
    </Box>
  );
}

function AuthorityTitle() {
  const record = useRecordContext<TAuthorityRecord>();
  return <span>{record?.name ?? 'Local authority'}</span>;
}

/** One local authority and its programmes (read only). */
export function AuthorityShow() {
  return (
    <Show title={<AuthorityTitle />}>
      <AuthorityDetail />
    </Show>
  );
}
