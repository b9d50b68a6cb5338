import type { ReactNode } from 'react';
import Box from '@mui/material/Box';

/** A GOV.UK-style summary list: a <dl> of key/value rows, readable by screen readers as pairs. */
export function SummaryList({ rows }: { rows: ReadonlyArray<readonly [string, ReactNode]> }) {
  return (
    <Box component="dl" sx={{ m: 0, display: 'grid', gridTemplateColumns: { xs: '1fr', sm: 'minmax(180px, 30%) 1fr' } }}>
      {rows.map(([key, value]) => (
        <Box key={key} sx={{ display: 'contents' }}>
          <Box component="dt" sx={{ fontWeight: 700, py: 1, pr: 2, borderBottom: 1, borderColor: 'divider' }}>
            {key}
          </Box>
          <Box component="dd" sx={{ m: 0, py: 1, borderBottom: 1, borderColor: 'divider' }}>
            {value}
          </Box>
        </Box>
      ))}
    </Box>
  );
}
