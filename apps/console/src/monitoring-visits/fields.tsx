import { useRecordContext } from 'react-admin';
import type { TMonitoringVisitRecord } from '../api-types';
import type { TFieldProps } from '../components/fields';
import { StatusTag } from '../components/StatusTag';
import { labelOf } from '../labels';
import { VISIT_PHASE_LABELS, VISIT_PHASE_TONES } from './labels';

export function VisitPhaseField(_props: TFieldProps) {
  const v = useRecordContext<TMonitoringVisitRecord>();
  if (!v) return null;
  return <StatusTag label={labelOf(VISIT_PHASE_LABELS, v.phase)} tone={VISIT_PHASE_TONES[v.phase] ?? 'grey'} />;
}

export function VisitNameField(_props: TFieldProps) {
  const v = useRecordContext<TMonitoringVisitRecord>();
  if (!v) return null;
  return (
    <span>
      <strong>Monitoring visit {v.number}</strong>: {v.theme}
    </span>
  );
}
