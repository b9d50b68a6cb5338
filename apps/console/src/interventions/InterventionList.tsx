import { labelOf } from '../labels';
import { Datagrid, List, TextField, TopToolbar, useRecordContext } from 'react-admin';
import { type z } from 'zod';
import { ZStartInterventionInput } from '@ip/domain';
import { CommandDialog } from '../components/CommandDialog';
import { CsvExportButton } from '../components/commands';
import { IsoDateField, type TFieldProps } from '../components/fields';
import { ProgrammePage } from '../components/ProgrammePage';
import { StatusTag } from '../components/StatusTag';
import { zodFormResolver } from '../forms/zod-form-resolver';
import { formatWorkingDaysLeft } from '../format';
import type { TProgrammeRecord } from '../programmes/types';
import { trpc } from '../providers/trpc';
import { SavedViewsMenu } from '../saved-views/SavedViewsMenu';
import { useCanMutate } from '../use-can-mutate';
import { INTERVENTION_PHASE_LABELS, INTERVENTION_PHASE_TONES } from './labels';
import { exportCsv } from '../csv-export';

export function InterventionPhaseField(_: TFieldProps) {
  const record = useRecordContext<{ phase: string }>();
  if (!record) return null;
  return <StatusTag label={labelOf(INTERVENTION_PHASE_LABELS, record.phase)} tone={INTERVENTION_PHASE_TONES[record.phase] ?? 'grey'} />;
}

export function WorkingDaysLeftField(_: TFieldProps) {
  const record = useRecordContext<{ workingDaysLeft: number | null }>();
  return <span>{record?.workingDaysLeft == null ? 'Nothing due' : formatWorkingDaysLeft(record.workingDaysLeft)}</span>;
}

const ZStartForm = ZStartInterventionInput.pick({ reason: true });
const startResolver = zodFormResolver(ZStartForm, { reason: 'Give a reason, for example the DfE letter’s date' });

function Actions({ programme }: { programme: TProgrammeRecord }) {
  const canMutate = useCanMutate();
  return (
    <TopToolbar>
      <SavedViewsMenu resource="interventions" />
      {canMutate && (
        <CommandDialog<z.infer<typeof ZStartForm>>
          label="Open a DfE intervention"
          title={`Open a DfE intervention: ${programme.authorityName}`}
          submitLabel="Open intervention"
          reasonExample="DfE letter of 4 June 2026: minded to issue an improvement notice"
          success="Intervention opened"
          resolver={startResolver}
          fields={['reason']}
          send={(input) => trpc.interventions.start.mutate({ ...input, onsCode: programme.onsCode, programmeId: programme.id })}
        >
        </CommandDialog>
      )}
      <CsvExportButton />
    </TopToolbar>
  );
}

/** The authority's spells of DfE intervention: where each stands and what falls due next. */
export function InterventionList() {
  return (
    <ProgrammePage
      heading="DfE intervention"
      intro="The Department for Education’s track: improvement notice, statutory direction, commissioner’s report, alternative delivery model and exit. The DfE decides; record each step here."
    >
      {(programme) => (
        <List exporter={exportCsv('interventions')} key={programme.id} title="DfE intervention" resource="interventions" filter={{ onsCode: programme.onsCode }}
          sort={{ field: 'dueOn', order: 'ASC' }} actions={<Actions programme={programme} />} perPage={25} empty={false}>
          <Datagrid rowClick="show" bulkActionButtons={false}>
            <TextField source="title" label="Intervention" />
            <InterventionPhaseField source="phase" label="Stage" />
            <IsoDateField source="dueOn" label="Next deadline" />
            <WorkingDaysLeftField source="workingDaysLeft" label="Working days left" />
            <IsoDateField source="startedAt" label="Opened" sortable={false} />
          </Datagrid>
        </List>
      )}
    </ProgrammePage>
  );
}
