export { AsAtPanel } from './AsAtPanel';
export { DiffPanel } from './DiffPanel';
export { EarlierStateSections } from './EarlierStateSections';
export { ProgrammeHistoryPage } from './HistoryPage';
