import Box from '@mui/material/Box';

/**
 * A small line of a KPI's recent figures, oldest on the left. Decorative: the tile beside it states
 * the latest figure, the target and the trend in words, so it is hidden from screen readers.
 */
export function Sparkline({ values, width = 140, height = 40 }: { values: readonly number[]; width?: number; height?: number }) {
  // One point is not a line: the tile's figure says it all.
  if (values.length < 2) return null;
  const pad = 4;
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min || 1;
  const x = (i: number) => pad + (i * (width - 2 * pad)) / (values.length - 1);
  const y = (v: number) => (max === min ? height / 2 : height - pad - ((v - min) * (height - 2 * pad)) / span);
  const points = values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
  const last = values.length - 1;
  return (
    <Box component="svg" aria-hidden="true" focusable="false" viewBox={`0 0 ${width} ${height}`} sx={{ width, height, display: 'block' }}>
      <line x1={0} x2={width} y1={height - 1} y2={height - 1} stroke="#b1b4b6" strokeWidth={1} />
      <polyline points={points} fill="none" stroke="#505a5f" strokeWidth={2} strokeLinejoin="round" />
      <circle cx={x(last)} cy={y(values[last] ?? 0)} r={4} fill="#0b0c0c" />
    </Box>
  );
}
