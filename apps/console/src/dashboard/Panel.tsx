import type { ReactNode } from 'react';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { Link } from 'react-admin';

/**
 * One section of the dashboard: a white panel with an h2, and optionally a link to the full page.
 * `id` names the heading so the section is announced by it (aria-labelledby).
 */
export function Panel({
  id,
  title,
  link,
  children,
  sx,
}: {
  id: string;
  title: ReactNode;
  link?: { to: string; text: string };
  children: ReactNode;
  sx?: object;
}) {
  return (
    <Box
      component="section"
      aria-labelledby={id}
      sx={{ backgroundColor: 'background.paper', border: '1px solid', borderColor: 'divider', p: { xs: 2, md: 3 }, ...sx }}
    >
      <Box sx={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline', flexWrap: 'wrap', gap: 1, mb: 2 }}>
        <Typography id={id} component="h2" variant="h5" sx={{ m: 0 }}>
          {title}
        </Typography>
        {link && (
          <Link to={link.to} sx={{ fontSize: '1rem' }}>
            {link.text}
          </Link>
        )}
      </Box>
      {children}
    </Box>
  );
}
