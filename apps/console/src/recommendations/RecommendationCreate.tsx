import { useCallback } from 'react';
import Box from '@mui/material/Box';
import { BooleanInput, Create, Loading, SelectInput, SimpleForm, TextInput, useGetList, useNotify, useRedirect } from 'react-admin';
import type { z } from 'zod';
import { JUDGEMENT_AREA_LABELS, ZAddRecommendationInput, ZJudgementArea } from '@ip/domain';
import type { TRecommendationRecord } from '../api-types';
import { CommandToolbar, ReasonInput } from '../components/commands';
import { ProgrammePage } from '../components/ProgrammePage';
import { useCommand } from '../forms/use-command';
import { zodFormResolver } from '../forms/zod-form-resolver';
import { trpc } from '../providers/trpc';
import type { TProgrammeRecord } from '../programmes/types';

const ZRecommendationForm = ZAddRecommendationInput.omit({ programmeId: true, clientRequestId: true });
type TRecommendationForm = z.infer<typeof ZRecommendationForm>;

const resolver = zodFormResolver(ZRecommendationForm, {
  'recommendation.ref': 'Enter a reference, e.g. R3',
  'recommendation.text': 'Enter the recommendation as worded in the report',
  'recommendation.judgementArea': 'Select the judgement area',
  'recommendation.sourceInspectionId': 'Say which inspection made this recommendation',
  reason: 'Give a reason for adding this recommendation',
});
const FIELDS = ['ref', 'text', 'judgementArea', 'sourceInspectionId', 'priorityAction'].map((f) => `recommendation.${f}`).concat('reason');
const areaChoices = ZJudgementArea.options.map((id) => ({ id, name: JUDGEMENT_AREA_LABELS[id] }));

function RecommendationCreateForm({ programme }: { programme: TProgrammeRecord }) {
  const notify = useNotify();
  const redirect = useRedirect();
  // The API has no inspection ids of its own yet: offer the one the programme's recommendations use.
  const { data: existing, isPending } = useGetList<TRecommendationRecord>('recommendations', {
    filter: { programmeId: programme.id },
    pagination: { page: 1, perPage: 1 },
    sort: { field: 'createdAt', order: 'DESC' },
  });
  const send = useCallback(
    (input: TRecommendationForm & { clientRequestId: string }) => trpc.recommendations.create.mutate({ ...input, programmeId: programme.id }),
    [programme.id],
  );
  const onSuccess = useCallback(
    ({ data }: { data: TRecommendationRecord }) => {
      notify('Recommendation added', { type: 'success', messageArgs: { _: 'Recommendation added' } });
      redirect('show', 'recommendations', data.id);
    },
    [notify, redirect],
  );
  const submit = useCommand<TRecommendationForm, { data: TRecommendationRecord }>(send, { fields: FIELDS, onSuccess });
  if (isPending) return <Loading />;
  const sourceInspectionId = existing?.[0]?.sourceInspectionId ?? (programme.reportReceivedOn ? `inspection-${programme.reportReceivedOn}` : undefined);
  const defaults = { recommendation: { priorityAction: false, ...(sourceInspectionId ? { sourceInspectionId } : {}) } };
  return (
    <Create resource="recommendations" title="Add a recommendation">
      <SimpleForm defaultValues={defaults} resolver={resolver} onSubmit={(v: object) => submit(v as TRecommendationForm)} toolbar={<CommandToolbar label="Add recommendation" />}>
        <Box sx={{ maxWidth: 720, width: '100%' }}>
          <TextInput source="recommendation.ref" label="Reference" helperText="e.g. R3, or PA1 for an area for priority action" sx={{ maxWidth: 240 }} />
          <TextInput source="recommendation.text" label="Recommendation" helperText="As worded in Ofsted’s report" multiline minRows={3} />
          <SelectInput source="recommendation.judgementArea" label="Judgement area" choices={areaChoices} emptyText="Select an area" />
          <BooleanInput
            source="recommendation.priorityAction"
            label="This is an area for priority action"
            helperText="Ofsted then expects a draft plan within 20 working days as well as the full plan"
          />
          <TextInput source="recommendation.sourceInspectionId" label="Inspection" helperText="The inspection or visit whose report made this recommendation" sx={{ maxWidth: 400 }} />
          <ReasonInput example="Recorded from the published ILACS report" />
        </Box>
      </SimpleForm>
    </Create>
  );
}

/** Record a recommendation from an Ofsted report against the current programme. */
export function RecommendationCreate() {
  return <ProgrammePage heading="Add a recommendation">{(p) => <RecommendationCreateForm key={p.id} programme={p} />}</ProgrammePage>;
}
