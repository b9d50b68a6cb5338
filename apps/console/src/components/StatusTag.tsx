import Chip from '@mui/material/Chip';

/** Tag colours after GOV.UK Frontend's tags: tinted background, dark text, contrast 6:1 or more. */
export type TTone = 'grey' | 'blue' | 'green' | 'yellow' | 'orange' | 'red';

const TONES: Record<TTone, { bg: string; fg: string }> = {
  grey: { bg: '#e5e6e7', fg: '#282d30' },
  blue: { bg: '#d2e2f1', fg: '#0c2d4a' },
  green: { bg: '#cce2d8', fg: '#005a30' },
  yellow: { bg: '#fff7bf', fg: '#594d00' },
  orange: { bg: '#fcd6c3', fg: '#6e3619' },
  red: { bg: '#f4cdc6', fg: '#2a0b06' },
};

/** A small status tag; the label carries the meaning, the colour only reinforces it. */
export function StatusTag({ label, tone }: { label: string; tone: TTone }) {
  const { bg, fg } = TONES[tone];
  return (
    <Chip
      label={label}
      size="small"
      sx={{ backgroundColor: bg, color: fg, fontWeight: 700, borderRadius: 0, letterSpacing: 0.2 }}
    />
  );
}
