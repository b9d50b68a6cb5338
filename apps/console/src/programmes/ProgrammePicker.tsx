import TextField from '@mui/material/TextField';
import { labelOf, PHASE_LABELS } from '../labels';
import { programmeName, type TCurrentProgramme } from './current-programme';

/**
 * Switches the programme the page is about. A native <select>, so it behaves as every browser and
 * screen reader expects; the choice is remembered for the other pages.
 */
export function ProgrammePicker({ current }: { current: TCurrentProgramme }) {
  const { programme, programmes, setProgrammeId } = current;
  if (!programme || programmes.length < 2) return null;
  return (
    <TextField
      select
      id="programme-picker"
      label="Programme"
      value={programme.id}
      onChange={(e) => setProgrammeId(e.target.value)}
      size="small"
      fullWidth={false}
      slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
      sx={{ minWidth: 320, maxWidth: '100%', m: 0, backgroundColor: 'background.paper' }}
    >
      {programmes.map((p) => (
        <option key={p.id} value={p.id}>
          {`${programmeName(p)} – ${labelOf(PHASE_LABELS, p.phase)}`}
        </option>
      ))}
    </TextField>
  );
}

