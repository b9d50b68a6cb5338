import type { TGrade } from '@ip/domain';

/** A local authority as `authorities.getList`/`getOne` return it. */
export interface TAuthorityRecord {
  id: string;
  onsCode: string;
  name: string;
  region: string | null;
  currentGrade: TGrade | null;
  /** Where it stands with the DfE, from its open intervention workflow; null when there is none. */
  interventionPhase: string | null;
  interventionId: string | null;
  successorId: string | null;
  succeededOn: string | null;
  successor: { id: string; name: string } | null;
  predecessors: { id: string; name: string; succeededOn: string | null; programmes: { id: string; cycle: number }[] }[];
}
