import { useRecordContext } from 'react-admin';
import type { TRole } from '@ip/domain';
import { StatusTag } from '../components/StatusTag';
import type { TFieldProps } from '../components/fields';
import { labelOf, ROLE_LABELS } from '../labels';

const ROLE_TONES: Record<TRole, 'blue' | 'grey' | 'orange'> = { programme_manager: 'blue', auditor: 'grey', admin: 'orange' };

export const roleChoices = (Object.keys(ROLE_LABELS) as TRole[]).map((id) => ({ id, name: ROLE_LABELS[id] }));

/** The person's role in words (the tag's colour only repeats them). */
export function RoleField(_: TFieldProps) {
  const record = useRecordContext<{ role: TRole }>();
  if (!record) return null;
  return <StatusTag label={labelOf(ROLE_LABELS, record.role)} tone={ROLE_TONES[record.role] ?? 'grey'} />;
}
