import type { TRiskHeatMap } from '../api-types';
import { trpc } from '../providers/trpc';
import { useApiQuery } from '../use-api-query';

/** `risks.heatMap` for one programme: the 5×5 grids before and after mitigation. */
export function useRiskHeatMap(programmeId: string | undefined) {
  return useApiQuery<TRiskHeatMap>(programmeId ? `heat-map:${programmeId}` : null, (signal) =>
    trpc.risks.heatMap.query({ programmeId: programmeId ?? '' }, { signal }).then((r) => r.data),
  );
}
