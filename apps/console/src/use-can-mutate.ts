import { usePermissions } from 'react-admin';
import type { TRole } from '@ip/domain';

const MUTATING_ROLES: readonly TRole[] = ['programme_manager', 'admin'];

/**
 * Whether the signed-in user may run commands. Auditors read only. The API enforces this too; the
 * console only hides what would be refused. Unknown or still-loading permissions hide the buttons.
 */
export function useCanMutate(): boolean {
  const { permissions, isPending } = usePermissions<TRole | undefined>();
  return !isPending && permissions !== undefined && MUTATING_ROLES.includes(permissions);
}
