import type { ReactNode } from 'react';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';

/**
 * A list page's main heading (h1) and introduction. react-admin puts a list's title in the header
 * bar only, which leaves screen-reader users without a main heading on the page.
 */
export function PageHeading({ children, intro }: { children: ReactNode; intro?: ReactNode }) {
  return (
    <Box sx={{ pt: { xs: 1, sm: 2 }, px: { xs: 1, sm: 0 } }}>
      <Typography component="h1" variant="h4">
        {children}
      </Typography>
      {intro && <Typography sx={{ mt: 0.5, maxWidth: 720 }}>{intro}</Typography>}
    </Box>
  );
}
