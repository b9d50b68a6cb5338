import ProgrammeIcon from '@mui/icons-material/AssignmentOutlined';
import { lazyPage } from '../lazy-page';

const ProgrammeCreate = lazyPage(() => import('./ProgrammeCreate'), 'ProgrammeCreate');
const ProgrammeList = lazyPage(() => import('./ProgrammeList'), 'ProgrammeList');
const ProgrammeShow = lazyPage(() => import('./ProgrammeShow'), 'ProgrammeShow');

/** The programmes resource; `create` is added only for roles that may start programmes (see App). */
export const programmes = {
  name: 'programmes',
  list: ProgrammeList,
  show: ProgrammeShow,
  create: ProgrammeCreate,
  icon: ProgrammeIcon,
  recordRepresentation: 'authorityName',
  options: { label: 'Programmes' },
};
