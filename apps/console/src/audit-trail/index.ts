import AuditIcon from '@mui/icons-material/FactCheckOutlined';
import { lazyPage } from '../lazy-page';

const AuditRecordShow = lazyPage(() => import('./AuditRecordShow'), 'AuditRecordShow');
const AuditTrailList = lazyPage(() => import('./AuditTrailList'), 'AuditTrailList');

/** The register audit trail: read only for every role; the API has no procedure that changes it. */
export const auditTrail = {
  name: 'auditTrail',
  list: AuditTrailList,
  show: AuditRecordShow,
  icon: AuditIcon,
  recordRepresentation: 'id',
  options: { label: 'Audit trail' },
};
