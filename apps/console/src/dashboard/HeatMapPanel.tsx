import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { Loading } from 'react-admin';
import type { TRiskHeatMap } from '../api-types';
import { HeatMapLegend, RiskHeatMap } from '../components/RiskHeatMap';
import type { TApiQuery } from '../use-api-query';
import { Panel } from './Panel';

/** The 5×5 heat maps before and after mitigation, side by side (stacked on narrow screens). */
export function HeatMapPanel({ heat, idsByRef }: { heat: TApiQuery<TRiskHeatMap>; idsByRef: Record<string, string> }) {
  let body;
  if (heat.isPending) body = <Loading />;
  else if (!heat.data) body = <Typography color="error">The heat map could not be loaded. {heat.error?.message}</Typography>;
  else if (heat.data.riskCount === 0) body = <Typography>The risk register is empty.</Typography>;
  else {
    body = (
      <>
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: { xs: 3, md: 5 } }}>
          <RiskHeatMap grid={heat.data.before} caption="Before mitigation" idsByRef={idsByRef} compact />
          <RiskHeatMap grid={heat.data.after} caption="After mitigation" idsByRef={idsByRef} compact />
        </Box>
        <Box sx={{ mt: 2 }}>
          <HeatMapLegend />
        </Box>
      </>
    );
  }
  return (
    <Panel id="heat-map-heading" title={`Risk heat map${heat.data ? ` (${heat.data.riskCount} risks)` : ''}`} link={{ to: '/risk-heat-map', text: 'Open the heat map' }}>
      {body}
    </Panel>
  );
}
