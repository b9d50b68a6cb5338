import { Section } from '../components/Section';
import { AsAtPanel } from './AsAtPanel';
import { DiffPanel } from './DiffPanel';
import type { TAuditKind } from './types';

/** The as-at slider and the two-date diff, as the programme and action pages show them. */
export function EarlierStateSections({ kind, workflowId, idPrefix }: { kind: TAuditKind; workflowId: string; idPrefix: string }) {
  return (
    <>
      <Section id={`${idPrefix}as-at-heading`} title="As at an earlier date">
        <AsAtPanel kind={kind} workflowId={workflowId} />
      </Section>
      <Section id={`${idPrefix}diff-heading`} title="What changed between two dates">
        <DiffPanel kind={kind} workflowId={workflowId} />
      </Section>
    </>
  );
}
