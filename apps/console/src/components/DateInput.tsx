import { useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import Box from '@mui/material/Box';
import InputBase from '@mui/material/InputBase';
import { useInput } from 'react-admin';
import { VisuallyHidden } from './VisuallyHidden';
import { dateProblem, fieldValueOf, partsOf, type TDatePart, type TDateParts } from './DateInputParts';

const BLACK = '#0b0c0c';
const RED = '#d4351c';
const FOCUS = '#ffdd00';

const PARTS: ReadonlyArray<{ key: TDatePart; label: string; width: string }> = [
  { key: 'day', label: 'Day', width: '3.6em' },
  { key: 'month', label: 'Month', width: '3.6em' },
  { key: 'year', label: 'Year', width: '5.4em' },
];

/**
 * A GOV.UK-style date input: a fieldset whose legend is the question, a hint, and Day / Month /
 * Year text fields (numeric keyboard on tablets). Replaces the browser's date picker, which shows
 * mm/dd/yyyy in some browsers. The form holds 'YYYY-MM-DD'; an impossible date (30 February)
 * fails the form's schema and is explained here in words, against the fields at fault.
 */
export function DateInput({ source, label, helperText, defaultValue }: { source: string; label: string; helperText?: string | false; defaultValue?: string }) {
  const { field, fieldState } = useInput({ source, ...(defaultValue === undefined ? {} : { defaultValue }) });
  const [parts, setParts] = useState<TDateParts>(() => partsOf(field.value));
  const typed = useRef(fieldValueOf(parts));
  // A reset or a value set by the form (not typed here) replaces the parts.
  useEffect(() => {
    if ((field.value ?? null) !== typed.current) {
      typed.current = field.value ?? null;
      setParts(partsOf(field.value));
    }
  }, [field.value]);

  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const problem = dateProblem(parts, label);
  const error = fieldState.error ? (problem?.message ?? fieldState.error.message) : undefined;
  const wrong = (key: TDatePart) => Boolean(error) && (!problem || problem.parts.includes(key));

  const onChange = (key: TDatePart) => (event: ChangeEvent<HTMLInputElement>) => {
    const next = { ...parts, [key]: event.target.value };
    setParts(next);
    typed.current = fieldValueOf(next);
    field.onChange(typed.current);
  };

  return (
    <Box
      component="fieldset"
      role="group"
      aria-describedby={[helperText ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined}
      sx={{ border: 0, p: 0, m: 0, mb: 2, ...(error ? { borderLeft: `5px solid ${RED}`, pl: 2 } : {}) }}
    >
      <Box component="legend" sx={{ p: 0, fontWeight: 700, fontSize: '1rem', mb: 0.5 }}>
        {label}
      </Box>
      {helperText && (
        <Box id={hintId} sx={{ color: 'text.secondary', fontSize: '0.9rem', mb: 1 }}>
          {helperText}
        </Box>
      )}
      {error && (
        <Box id={errorId} sx={{ color: RED, fontWeight: 700, mb: 1 }}>
          <VisuallyHidden>Error: </VisuallyHidden>
          {error}
        </Box>
      )}
      <Box sx={{ display: 'flex', gap: 2 }}>
        {PARTS.map(({ key, label: partLabel, width }, index) => (
          <Box key={key} sx={{ display: 'flex', flexDirection: 'column' }}>
            <Box component="label" htmlFor={`${id}-${key}`} sx={{ fontSize: '0.95rem', mb: 0.5 }}>
              {partLabel}
            </Box>
            <InputBase
              id={`${id}-${key}`}
              name={`${source}-${key}`}
              value={parts[key]}
              onChange={onChange(key)}
              onBlur={field.onBlur}
              inputRef={index === 0 ? field.ref : undefined}
              inputProps={{ inputMode: 'numeric', autoComplete: 'off', 'aria-invalid': wrong(key) || undefined, maxLength: key === 'year' ? 4 : 2 }}
              sx={{
                width,
                border: `2px solid ${wrong(key) ? RED : BLACK}`,
                backgroundColor: '#ffffff',
                '& input': { px: 1, py: 0.75 },
                '&.Mui-focused': { outline: `3px solid ${FOCUS}`, outlineOffset: 0, boxShadow: `inset 0 0 0 2px ${BLACK}` },
              }}
            />
          </Box>
        ))}
      </Box>
    </Box>
  );
}
