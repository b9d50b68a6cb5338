import type { ReactNode } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { Link, Loading, RecordContextProvider, Title, useCreatePath, useGetList } from 'react-admin';
import type { TActionListRecord, TWorkstreamRecord } from '../api-types';
import { ActionRagChip, DueCountdown, RecommendationRefs } from '../actions/fields';
import { ActionPlanDaysLeftField } from '../components/fields';
import { ProgrammePage } from '../components/ProgrammePage';
import { SummaryList } from '../components/SummaryList';
import { formatDate } from '../format';
import type { TProgrammeRecord } from '../programmes/types';
import { useCanMutate } from '../use-can-mutate';
import { AddActionDialog } from './AddActionDialog';
import { PlanCommands } from './PlanCommands';

function ActionsTable({ actions, labelledBy }: { actions: readonly TActionListRecord[]; labelledBy: string }) {
  const createPath = useCreatePath();
  if (actions.length === 0) return <Typography color="text.secondary">No actions yet.</Typography>;
  return (
    <Table size="small" aria-labelledby={labelledBy}>
      <TableHead>
        <TableRow>
          <TableCell component="th" scope="col">Action</TableCell>
          <TableCell component="th" scope="col">Owner</TableCell>
          <TableCell component="th" scope="col">RAG</TableCell>
          <TableCell component="th" scope="col">Due (working days left)</TableCell>
          <TableCell component="th" scope="col">Done</TableCell>
          <TableCell component="th" scope="col">Recommendations</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {actions.map((a) => (
          <TableRow key={a.id}>
            <TableCell component="th" scope="row" sx={{ fontWeight: 700 }}>
              <Link to={createPath({ resource: 'actions', type: 'show', id: a.id })}>{a.title}</Link>
            </TableCell>
            <TableCell>{a.owner.name}</TableCell>
            <TableCell>
              <ActionRagChip action={a} />
            </TableCell>
            <TableCell>
              <DueCountdown action={a} />
            </TableCell>
            <TableCell>{a.percentComplete}%</TableCell>
            <TableCell>
              <RecommendationRefs refs={a.recommendationRefs} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function Group({ id, title, subtitle, action, children }: { id: string; title: string; subtitle?: ReactNode; action?: ReactNode; children: ReactNode }) {
  return (
    <Paper component="section" aria-labelledby={id} variant="outlined" sx={{ p: 2, mb: 2 }}>
      <Box sx={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', flexWrap: 'wrap', gap: 1, mb: 1 }}>
        <Box>
          <Typography id={id} component="h3" variant="h6">
            {title}
          </Typography>
          {subtitle && (
            <Typography variant="body2" color="text.secondary">
              {subtitle}
            </Typography>
          )}
        </Box>
        {action}
      </Box>
      {children}
    </Paper>
  );
}

function PlanStatus({ programme }: { programme: TProgrammeRecord }) {
  const response = programme.planResponse;
  return (
    <RecordContextProvider value={programme}>
      <SummaryList
        rows={[
          ['Plan due', programme.actionPlanDueOn ? formatDate(programme.actionPlanDueOn) : 'No plan clock yet: record the inspection first'],
          ['Working days left', <ActionPlanDaysLeftField source="actionPlanWorkingDaysLeft" />],
          ['Submitted to Ofsted', programme.planSubmittedOn ? formatDate(programme.planSubmittedOn) : 'Not yet'],
          [
            'Ofsted’s response',
            response ? `${response.outcome === 'accepted' ? 'Accepted' : 'Returned'} (letter of ${formatDate(response.letterOn)})${response.comments ? `: ${response.comments}` : ''}` : 'None yet',
          ],
        ]}
      />
    </RecordContextProvider>
  );
}

function Plan({ programme }: { programme: TProgrammeRecord }) {
  const canMutate = useCanMutate();
  const createPath = useCreatePath();
  const filter = { programmeId: programme.id };
  const workstreams = useGetList<TWorkstreamRecord>('workstreams', { filter, pagination: { page: 1, perPage: 100 }, sort: { field: 'priorityNumber', order: 'ASC' } });
  const actions = useGetList<TActionListRecord>('actions', { filter, pagination: { page: 1, perPage: 500 }, sort: { field: 'dueOn', order: 'ASC' } });
  if (workstreams.isPending || actions.isPending) return <Loading />;
  const byWorkstream = new Map<string, TActionListRecord[]>();
  for (const a of actions.data ?? []) {
    const key = a.workstream ?? '';
    byWorkstream.set(key, [...(byWorkstream.get(key) ?? []), a]);
  }
  const known = new Set((workstreams.data ?? []).flatMap((w) => [w.key, w.name]));
  const unassigned = (actions.data ?? []).filter((a) => !a.workstream || !known.has(a.workstream));
  return (
    <Box sx={{ px: { xs: 1, sm: 0 } }}>
      <Box component="section" aria-labelledby="plan-status-heading" sx={{ mb: 3, maxWidth: 960 }}>
        <Typography id="plan-status-heading" component="h2" variant="h5" gutterBottom>
          Plan status
        </Typography>
        <PlanStatus programme={programme} />
        <Box sx={{ mt: 2 }}>
          <PlanCommands programme={programme} />
        </Box>
      </Box>
      <Box sx={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', flexWrap: 'wrap', gap: 1, mb: 1 }}>
        <Typography component="h2" variant="h5">
          Workstreams and actions
        </Typography>
        {canMutate && (
          <Button component={Link} to={createPath({ resource: 'workstreams', type: 'create' })} variant="outlined">
            Add a workstream
          </Button>
        )}
      </Box>
      {(workstreams.data ?? []).length === 0 && (
        <Typography sx={{ mb: 2 }}>No workstreams yet. Add the plan’s workstreams (or numbered priorities), then their actions.</Typography>
      )}
      {(workstreams.data ?? []).map((w) => {
        const list = [...(byWorkstream.get(w.key) ?? []), ...(w.name !== w.key ? (byWorkstream.get(w.name) ?? []) : [])];
        const headingId = `workstream-${w.id}`;
        return (
          <Group
            key={w.id}
            id={headingId}
            title={w.priorityNumber ? `${w.priorityNumber}. ${w.name}` : w.name}
            subtitle={`Lead: ${w.lead.name} · ${list.length} ${list.length === 1 ? 'action' : 'actions'}`}
            action={canMutate ? <AddActionDialog programmeId={programme.id} workstream={w.key} workstreamName={w.name} /> : undefined}
          >
            <ActionsTable actions={list} labelledBy={headingId} />
          </Group>
        );
      })}
      {unassigned.length > 0 && (
        <Group id="workstream-none" title="Not in a workstream" action={canMutate ? <AddActionDialog programmeId={programme.id} /> : undefined}>
          <ActionsTable actions={unassigned} labelledBy="workstream-none" />
        </Group>
      )}
    </Box>
  );
}

/** The programme's action plan: its statutory deadline and status, then workstreams and their actions. */
export function ActionPlanPage() {
  return (
    <ProgrammePage heading="Action plan" intro="The written statement of action: workstreams, their actions, owners and working-day due dates.">
      {(programme) => (
        <>
          <Title title="Action plan" />
          <Plan key={programme.id} programme={programme} />
        </>
      )}
    </ProgrammePage>
  );
}
