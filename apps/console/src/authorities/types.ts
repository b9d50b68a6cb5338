import type { TGrade } from '@ip/domain';

/** A local authority as `authorities.getList`/`getOne` return it. */
export interface TAuthorityRecord {
  id: string;
  onsCode: string;
  name: string;
  currentGrade: TGrade | null;
  interventionStatus: string | null;
}
