import RecommendationIcon from '@mui/icons-material/FactCheckOutlined';
import { RecommendationCreate } from './RecommendationCreate';
import { RecommendationList } from './RecommendationList';
import { RecommendationShow } from './RecommendationShow';

/** Recommendations from Ofsted's reports; `create` only for roles that may add them (see App). */
export const recommendations = {
  name: 'recommendations',
  list: RecommendationList,
  show: RecommendationShow,
  create: RecommendationCreate,
  icon: RecommendationIcon,
  recordRepresentation: 'ref',
  options: { label: 'Recommendations' },
};
