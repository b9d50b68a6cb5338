import type { ReactNode } from 'react';
import Box from '@mui/material/Box';

/** Text for screen readers only (GOV.UK's govuk-visually-hidden). */
export function VisuallyHidden({ children }: { children: ReactNode }) {
  return (
    <Box
      component="span"
      sx={{ position: 'absolute !important', width: '1px !important', height: '1px !important', m: 0, p: 0, overflow: 'hidden !important', clip: 'rect(0 0 0 0) !important', clipPath: 'inset(50%) !important', border: 0, whiteSpace: 'nowrap !important' }}
    >
      {children}
    </Box>
  );
}
