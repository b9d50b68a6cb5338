import { useEffect, useId, useRef, useState, type ChangeEvent, type Ref } from 'react';
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

interface TDateFieldsProps {
  name: string;
  label: string;
  helperText?: string | false;
  parts: TDateParts;
  error: string | undefined;
  /** Which parts the error is about; all of them when undefined. */
  wrongParts?: readonly TDatePart[];
  onPart: (key: TDatePart, value: string) => void;
  onBlur?: () => void;
  firstRef?: Ref<HTMLInputElement>;
  compact?: boolean;
}

/** The fieldset itself: legend, hint, error and the Day / Month / Year fields. */
function DateFields({ name, label, helperText, parts, error, wrongParts, onPart, onBlur, firstRef, compact }: TDateFieldsProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const wrong = (key: TDatePart) => Boolean(error) && (!wrongParts || wrongParts.includes(key));
  return (
    <Box
      component="fieldset"
      role="group"
      aria-describedby={[helperText ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined}
      sx={{ border: 0, p: 0, m: 0, mb: compact ? 0 : 2, ...(error ? { borderLeft: `5px solid ${RED}`, pl: 2 } : {}) }}
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
      <Box sx={{ display: 'flex', gap: compact ? 1 : 2 }}>
        {PARTS.map(({ key, label: partLabel, width }, index) => (
          <Box key={key} sx={{ display: 'flex', flexDirection: 'column' }}>
            <Box component="label" htmlFor={`${id}-${key}`} sx={{ fontSize: '0.95rem', mb: 0.5 }}>
              {partLabel}
            </Box>
            <InputBase
              id={`${id}-${key}`}
              name={`${name}-${key}`}
              value={parts[key]}
              onChange={(event: ChangeEvent<HTMLInputElement>) => onPart(key, event.target.value)}
              onBlur={onBlur}
              inputRef={index === 0 ? firstRef : undefined}
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
      typed.current = (field.value as string | undefined) ?? null;
      setParts(partsOf(field.value));
    }
  }, [field.value]);

  const problem = dateProblem(parts, label);
  const error = fieldState.error ? (problem?.message ?? fieldState.error.message) : undefined;
  const onPart = (key: TDatePart, value: string) => {
    const next = { ...parts, [key]: value };
    setParts(next);
    typed.current = fieldValueOf(next);
    field.onChange(typed.current);
  };
  return (
    <DateFields name={source} label={label} helperText={helperText} parts={parts} error={error} wrongParts={problem?.parts}
      onPart={onPart} onBlur={field.onBlur} firstRef={field.ref} />
  );
}

/**
 * The same GOV.UK date input outside a form (list filters, the two-date comparison): `value` is
 * 'YYYY-MM-DD' or '' and `onChange` hears only a real date, or '' once every part is cleared. A date
 * that is not real is explained against the fields (after the year has its four numbers) and never
 * passed on.
 */
export function PlainDateInput({ name, label, value, onChange, helperText }: { name: string; label: string; value: string; onChange: (iso: string) => void; helperText?: string }) {
  const [parts, setParts] = useState<TDateParts>(() => partsOf(value));
  const last = useRef(value);
  useEffect(() => {
    if (value !== last.current) {
      last.current = value;
      setParts(partsOf(value));
    }
  }, [value]);
  const problem = parts.year.trim().length === 4 ? dateProblem(parts, label) : undefined;
  const onPart = (key: TDatePart, v: string) => {
    const next = { ...parts, [key]: v };
    setParts(next);
    const iso = fieldValueOf(next) ?? '';
    if (iso === '' || (next.year.trim().length === 4 && !dateProblem(next, label))) {
      last.current = iso;
      onChange(iso);
    }
  };
  return <DateFields name={name} label={label} helperText={helperText} parts={parts} error={problem?.message} wrongParts={problem?.parts} onPart={onPart} compact />;
}
