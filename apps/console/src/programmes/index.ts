import ProgrammeIcon from '@mui/icons-material/AssignmentOutlined';
import { ProgrammeCreate } from './ProgrammeCreate';
import { ProgrammeList } from './ProgrammeList';
import { ProgrammeShow } from './ProgrammeShow';

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
