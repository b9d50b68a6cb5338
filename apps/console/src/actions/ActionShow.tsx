import type { ReactNode } from 'react';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { Datagrid, ReferenceField, ReferenceManyField, Show, TextField, usePermissions, useRecordContext } from 'react-admin';
import type { TRole } from '@ip/domain';
import { DeliveriesTable } from '../outbox/fields';
import type { TActionRecord } from '../api-types';
import { useWorkstreamNames, workstreamName } from './workstream-names';
import { IsoDateField } from '../components/fields';
import { SummaryList } from '../components/SummaryList';
import { AcknowledgementField, KindField, LevelField } from '../escalations/fields';
import { formatDate, formatDateTime } from '../format';
import { ESCALATION_LEVEL_LABELS, EXTENSION_OUTCOME_LABELS, labelOf } from '../labels';
import { EarlierStateSections } from '../audit';
import { HistoryTimeline } from '../programmes/HistoryTimeline';
import { ActionCommands } from './ActionCommands';
import { ActionRagChip, DueCountdown, OwnerField, RecommendationRefs } from './fields';
import { Section } from '../components/Section';
import { StoppedNotice } from '../components/StoppedNotice';
import { ActionWhatIfSection } from '../what-if/ActionWhatIfSection';


const None = ({ children }: { children: ReactNode }) => <Typography color="text.secondary">{children}</Typography>;

function Evidence({ action }: { action: TActionRecord }) {
  if (action.evidence.length === 0) return <None>No evidence attached yet. Sign-off needs at least one item.</None>;
  return (
    <Box component="ul" aria-labelledby="evidence-heading" sx={{ m: 0, pl: 3 }}>
      {action.evidence.map((e, i) => (
        <li key={`${e.title}-${i}`}>
          <Typography variant="body1" component="span" sx={{ fontWeight: 700 }}>
            {e.url ? (
              <a href={e.url} target="_blank" rel="noreferrer">
                {e.title}
              </a>
            ) : (
              e.title
            )}
          </Typography>
          {e.reference && <Typography component="span"> (reference {e.reference})</Typography>}
          <Typography variant="body2" color="text.secondary">
            Added {formatDateTime(e.addedAt)}
            {e.addedBy?.name ? ` by ${e.addedBy.name}` : ''}
          </Typography>
        </li>
      ))}
    </Box>
  );
}


function Extensions({ action }: { action: TActionRecord }) {
  const p = action.pendingExtension;
  if (!p && action.extensions.length === 0) return <None>No extension has been asked for.</None>;
  return (
    <Box component="ul" sx={{ m: 0, pl: 3 }}>
      {p && (
        <li>
          <strong>Awaiting a decision:</strong> to {formatDate(p.newDueOn)}, asked {formatDateTime(p.requestedAt)}
          {p.requestedBy.name ? ` by ${p.requestedBy.name}` : ''}: “{p.justification}”
        </li>
      )}
      {action.extensions.map((e, i) => (
        <li key={i}>
          {e.outcome === 'closed' ? (
            // Nobody decided it: the action closed, and the system closed the request with it.
            <>
              <strong>{labelOf(EXTENSION_OUTCOME_LABELS, e.outcome)}</strong> {formatDateTime(e.decidedAt)} because the action was{' '}
              {e.closedBecause === 'cancelled' ? 'cancelled' : 'signed off'}
            </>
          ) : (
            <>
              <strong>{labelOf(EXTENSION_OUTCOME_LABELS, e.outcome)}</strong> {formatDateTime(e.decidedAt)}
              {e.decidedBy.name ? ` by ${e.decidedBy.name}` : ''}
            </>
          )}
          : asked to move it from {formatDate(e.fromDueOn)} to {formatDate(e.newDueOn)}. “{e.justification}”
        </li>
      ))}
    </Box>
  );
}

function NextSteps({ action }: { action: TActionRecord }) {
  if (action.nextSteps.length === 0) return <None>No reminders or escalations are still to come.</None>;
  return (
    <Box component="ol" sx={{ m: 0, pl: 3 }}>
      {action.nextSteps.map((s) => (
        <li key={s.stepId}>
          {formatDate(s.fireOn)}: {s.label} ({labelOf(ESCALATION_LEVEL_LABELS, s.level)})
        </li>
      ))}
    </Box>
  );
}

function Detail() {
  const a = useRecordContext<TActionRecord>();
  const { permissions } = usePermissions<TRole | undefined>();
  const { names } = useWorkstreamNames(a?.programmeId);
  const workstream = workstreamName(names, a?.workstream);
  if (!a) return null;
  return (
    <Box sx={{ p: { xs: 2, sm: 3 } }}>
      <Typography variant="body1" color="text.secondary">
        {workstream ?? 'Action'}
        {a.ofstedLinked ? ' · responds to Ofsted' : ''}
      </Typography>
      <Typography component="h1" variant="h4" sx={{ mb: 1 }}>
        {a.title}
      </Typography>
      <Box sx={{ mb: 2 }}>
        <ActionRagChip action={a} />
      </Box>
      <StoppedNotice stopped={a.stopped} workflowId={String(a.id)} what="action" />
      {/* A stopped workflow takes no commands until an admin restarts it. */}
      {!a.stopped && <ActionCommands action={a} />}

      <Section id="summary-heading" title="Summary">
        <SummaryList
          rows={[
            ['Owner', <OwnerField source="ownerName" />],
            ['Due', <DueCountdown action={a} />],
            ['Progress', `${a.percentComplete}% complete`],
            ['Why this RAG', a.ragReasons.join('; ')],
            ['Latest update', a.latestNote ? `${a.latestNote}${a.lastUpdateOn ? ` (${formatDate(a.lastUpdateOn)})` : ''}` : 'No update yet'],
            ['Recommendations', <RecommendationRefs refs={a.recommendationRefs} />],
            ['Programme', <ReferenceField source="programmeId" reference="programmes" link="show"><TextField source="authorityName" /></ReferenceField>],
            ['Description', a.description || 'None'],
            ['Added', <IsoDateField source="createdAt" withTime />],
          ]}
        />
      </Section>

      <Section id="evidence-heading" title="Evidence">
        <Evidence action={a} />
      </Section>

      <Section id="extensions-heading" title="Extensions">
        <Extensions action={a} />
      </Section>

      <Section id="next-steps-heading" title="Reminders and escalations to come">
        <NextSteps action={a} />
      </Section>

      <ActionWhatIfSection action={a} />

      <Section id="escalations-heading" title="Escalations fired">
        <ReferenceManyField reference="escalations" target="subjectId" sort={{ field: 'firedAt', order: 'DESC' }} perPage={50} empty={<None>None so far.</None>}>
          <Datagrid bulkActionButtons={false} rowClick="show">
            <IsoDateField source="firedAt" label="Fired" withTime />
            <KindField source="kind" label="Kind" />
            <LevelField source="level" label="Who was told" />
            <AcknowledgementField source="acknowledgedAt" label="Acknowledged" />
          </Datagrid>
        </ReferenceManyField>
      </Section>

      <Section id="action-emails-heading" title="Emails about this action">
        <DeliveriesTable target="subjectId" empty="No emails yet." admin={permissions === 'admin'} />
      </Section>

      <Section id="action-history-heading" title="Timeline">
        <HistoryTimeline history={a.history} labelledBy="action-history-heading" />
      </Section>
      <EarlierStateSections kind="action" workflowId={String(a.id)} idPrefix="action-" />
    </Box>
  );
}

function ActionTitle() {
  const a = useRecordContext<TActionRecord>();
  return <span>{a ? `Action: ${a.title}` : 'Action'}</span>;
}

/**
 * The full record's own cache key: react-admin seeds getOne's cache from list rows, which carry no
 * history, evidence items or schedule, so this page would otherwise first render a list row.
 */
const FULL_RECORD = { meta: { record: 'full' } };

/** One action: RAG and why, due date and countdown, evidence, extensions, escalations and timeline. */
export function ActionShow() {
  return (
    <Show title={<ActionTitle />} queryOptions={FULL_RECORD}>
      <Detail />
    </Show>
  );
}
