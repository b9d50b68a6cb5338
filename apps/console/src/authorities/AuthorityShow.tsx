import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { Datagrid, Link, ReferenceManyField, Show, TextField, useCreatePath, useRecordContext } from 'react-admin';
import { formatDate } from '../format';
import { AuthorityCommands } from './AuthorityCommands';
import { InterventionField } from './AuthorityList';
import { GradeField, IsoDateField, PhaseField } from '../components/fields';
import { SummaryList } from '../components/SummaryList';
import type { TAuthorityRecord } from './types';

function AuthorityDetail() {
  const record = useRecordContext<TAuthorityRecord>();
  const createPath = useCreatePath();
  if (!record) return null;
  return (
    <Box sx={{ p: { xs: 2, sm: 3 } }}>
      <Typography component="h1" variant="h4" gutterBottom>
        {record.name}
      </Typography>
      <Box sx={{ display: 'flex', gap: 1, mb: 2 }}>
        <AuthorityCommands authority={record} />
      </Box>
      <SummaryList
        rows={[
          ['ONS code', record.onsCode],
          ['Region', record.region ?? 'Not recorded'],
          ['Current grade', <GradeField source="currentGrade" />],
          ['DfE intervention', record.interventionId
            ? <Link to={createPath({ resource: 'interventions', type: 'show', id: record.interventionId })}><InterventionField source="interventionPhase" /></Link>
            : 'None'],
          ['Succeeded by', record.successor
            ? <><Link to={createPath({ resource: 'authorities', type: 'show', id: record.successor.id })}>{record.successor.name}</Link>{record.succeededOn ? ` from ${formatDate(record.succeededOn)}` : ''}</>
            : 'Not succeeded'],
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
      {record.predecessors.length > 0 && (
        <Box component="section" aria-labelledby="predecessors-heading" sx={{ mt: 4 }}>
          <Typography id="predecessors-heading" component="h2" variant="h5" gutterBottom>
            Councils it succeeded
          </Typography>
          {record.predecessors.map((p) => (
            <Box key={p.id} sx={{ mb: 2 }}>
              <Typography component="h3" variant="h6">
                <Link to={createPath({ resource: 'authorities', type: 'show', id: p.id })}>{p.name}</Link>
                {p.succeededOn ? `, succeeded from ${formatDate(p.succeededOn)}` : ''}
              </Typography>
              {p.programmes.length === 0 ? (
                <Typography color="text.secondary">No programmes.</Typography>
              ) : (
                <Box component="ul" sx={{ m: 0, pl: 3 }}>
                  {p.programmes.map((prog) => (
                    <li key={prog.id}>
                      <Link to={createPath({ resource: 'programmes', type: 'show', id: prog.id })}>{p.name}: improvement programme, cycle {prog.cycle}</Link>
                    </li>
                  ))}
                </Box>
              )}
            </Box>
          ))}
        </Box>
      )}
    </Box>
  );
}

function AuthorityTitle() {
  const record = useRecordContext<TAuthorityRecord>();
  return <span>{record?.name ?? 'Local authority'}</span>;
}

/** One local authority: its programmes, its DfE status, and the councils it succeeded with theirs. */
export function AuthorityShow() {
  return (
    <Show title={<AuthorityTitle />}>
      <AuthorityDetail />
    </Show>
  );
}
