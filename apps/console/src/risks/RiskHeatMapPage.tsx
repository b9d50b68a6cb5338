import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { Link, Loading, Title, useCreatePath, useGetList } from 'react-admin';
import type { TRiskRecord } from '../api-types';
import { ProgrammePage } from '../components/ProgrammePage';
import { RagTag } from '../components/RagTag';
import { HeatMapLegend, RiskHeatMap } from '../components/RiskHeatMap';
import { useRiskHeatMap } from './use-risk-heat-map';

function RiskKey({ risks }: { risks: readonly TRiskRecord[] }) {
  const createPath = useCreatePath();
  return (
    <Table size="small" aria-labelledby="risk-key-heading" sx={{ maxWidth: 1100 }}>
      <TableHead>
        <TableRow>
          <TableCell component="th" scope="col">Ref</TableCell>
          <TableCell component="th" scope="col">Risk</TableCell>
          <TableCell component="th" scope="col">Before</TableCell>
          <TableCell component="th" scope="col">After</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {risks.map((r) => (
          <TableRow key={r.id}>
            <TableCell component="th" scope="row" sx={{ fontWeight: 700 }}>
              <Link to={createPath({ resource: 'risks', type: 'show', id: r.id })}>{r.ref}</Link>
            </TableCell>
            <TableCell>{r.title}</TableCell>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>
              {r.beforeScore} <RagTag rag={r.beforeRag} />
            </TableCell>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>
              {r.score} <RagTag rag={r.rag} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function HeatMaps({ programmeId }: { programmeId: string }) {
  const heat = useRiskHeatMap(programmeId);
  const { data: risks } = useGetList<TRiskRecord>('risks', {
    filter: { programmeId },
    sort: { field: 'score', order: 'DESC' },
    pagination: { page: 1, perPage: 500 },
  });
  if (heat.isPending) return <Loading />;
  if (!heat.data) return <Typography color="error">The heat map could not be loaded. {heat.error?.message}</Typography>;
  if (heat.data.riskCount === 0) return <Typography>The register has no risks yet.</Typography>;
  const idsByRef = Object.fromEntries((risks ?? []).map((r) => [r.ref, r.id]));
  return (
    <>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: { xs: 3, md: 6 }, mt: 2 }}>
        <RiskHeatMap grid={heat.data.before} caption="Before mitigation (inherent risk)" idsByRef={idsByRef} />
        <RiskHeatMap grid={heat.data.after} caption="After mitigation (residual risk)" idsByRef={idsByRef} />
      </Box>
      <Box sx={{ mt: 2 }}>
        <HeatMapLegend />
      </Box>
      <Typography id="risk-key-heading" component="h2" variant="h5" sx={{ mt: 4, mb: 1 }}>
        Risks on the map
      </Typography>
      <RiskKey risks={risks ?? []} />
    </>
  );
}

/** The 5×5 heat maps before and after mitigation, side by side, with a key to the references. */
export function RiskHeatMapPage() {
  return (
    <>
      <Title title="Risk heat map" />
      <ProgrammePage
        heading="Risk heat map"
        intro="Where each risk sits on the 5×5 grid before and after mitigation. Moving down and to the left shows the mitigation working."
      >
        {(programme) => <HeatMaps key={programme.id} programmeId={programme.id} />}
      </ProgrammePage>
    </>
  );
}
