/**
 * Which question an "as at" answers, chosen by the reader and said in words: what the system had
 * *recorded* by a date (when each change was entered), or what had *happened* by that date, by the
 * dates the records themselves carry (report received, plan submitted, letter published, …). The
 * slider, the two-date comparison and the board pack all offer it, with the same words.
 */
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';

export type TBasis = 'recorded' | 'happened';

export const BASIS_LABELS: Record<TBasis, string> = {
  recorded: 'When it was recorded: the day each change was entered in the system',
  happened: 'When it happened: the dates the records carry (report received, plan submitted, letter published…)',
};

/** Short words for headings: "recorded" / "happened". */
export const BASIS_VERBS: Record<TBasis, string> = { recorded: 'recorded', happened: 'happened' };

export function BasisChoice({ name, value, onChange, legend = 'Go by' }: { name: string; value: TBasis; onChange: (b: TBasis) => void; legend?: string }) {
  return (
    <FormControl component="fieldset" sx={{ mb: 2 }}>
      <FormLabel component="legend" sx={{ color: 'text.primary', fontWeight: 700 }}>{legend}</FormLabel>
      <RadioGroup name={name} value={value} onChange={(e) => onChange(e.target.value as TBasis)}>
        {(Object.keys(BASIS_LABELS) as TBasis[]).map((b) => (
          <FormControlLabel key={b} value={b} control={<Radio />} label={BASIS_LABELS[b]} />
        ))}
      </RadioGroup>
    </FormControl>
  );
}
