import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { GRADE_LABELS, type TInspection, type TJudgements } from '@ip/domain';
import { StatusTag } from '../components/StatusTag';
import { formatDate } from '../format';
import { GRADE_TONES, INSPECTION_TYPE_LABELS, JUDGEMENT_LABELS, labelOf } from '../labels';

const ORDER: readonly (keyof TJudgements)[] = ['overallEffectiveness', 'impactOfLeaders', 'helpAndProtection', 'childrenInCare', 'careLeavers'];

/**
 * Ofsted's judgements as the report prints them: overall effectiveness, then each sub-judgement
 * (care leavers separately since January 2023). A judgement the report did not make says so.
 */
export function JudgementGrid({ inspection, labelledBy }: { inspection: TInspection | null | undefined; labelledBy: string }) {
  if (!inspection) {
    return <Typography color="text.secondary">No inspection has been recorded for this cycle yet.</Typography>;
  }
  return (
    <>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {labelOf(INSPECTION_TYPE_LABELS, inspection.type)}, fieldwork {formatDate(inspection.fieldworkStartedOn)} to{' '}
        {formatDate(inspection.fieldworkEndedOn)}; report received {formatDate(inspection.reportReceivedOn)}
        {inspection.leadInspector ? `; lead inspector ${inspection.leadInspector}` : ''}.
      </Typography>
      <Table size="small" aria-labelledby={labelledBy} sx={{ maxWidth: 960 }}>
        <TableBody>
          {ORDER.map((area) => {
            const grade = inspection.judgements[area];
            return (
              <TableRow key={area}>
                <TableCell component="th" scope="row" sx={{ fontWeight: area === 'overallEffectiveness' ? 700 : 400 }}>
                  {JUDGEMENT_LABELS[area]}
                </TableCell>
                <TableCell sx={{ width: 260 }}>
                  {grade ? (
                    <StatusTag label={GRADE_LABELS[grade]} tone={GRADE_TONES[grade]} />
                  ) : (
                    <Typography component="span" variant="body2" color="text.secondary">
                      Not judged
                    </Typography>
                  )}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </>
  );
}
