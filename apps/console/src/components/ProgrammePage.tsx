import type { ReactNode } from 'react';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { Link, Loading, Title } from 'react-admin';
import { programmeName, useCurrentProgramme } from '../programmes/current-programme';
import { ProgrammePicker } from '../programmes/ProgrammePicker';
import type { TProgrammeRecord } from '../programmes/types';

/**
 * A page about one programme's register: the programme's name, the page heading and the programme
 * picker, then the page itself for the chosen programme. Registers are kept per programme, so
 * every register page is scoped this way.
 */
export function ProgrammePage({
  heading,
  intro,
  children,
}: {
  heading: string;
  intro?: ReactNode;
  children: (programme: TProgrammeRecord) => ReactNode;
}) {
  const current = useCurrentProgramme();
  const { programme, isPending } = current;
  if (isPending) return <Loading />;
  if (!programme) {
    return (
      <Box sx={{ p: 3, maxWidth: 640 }}>
        <Title title={heading} />
        <Typography component="h1" variant="h4" gutterBottom>
          {heading}
        </Typography>
        <Typography variant="body1">
          There are no improvement programmes yet. <Link to="/programmes">Go to programmes</Link> to start one.
        </Typography>
      </Box>
    );
  }
  return (
    <Box sx={{ pt: { xs: 1, sm: 2 } }}>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', justifyContent: 'space-between', gap: 2, px: { xs: 1, sm: 0 }, mb: 1 }}>
        <Box>
          <Typography variant="body1" color="text.secondary" sx={{ fontSize: '1.1rem' }}>
            {programmeName(programme)}
          </Typography>
          <Typography component="h1" variant="h4">
            {heading}
          </Typography>
          {intro && (
            <Typography variant="body1" sx={{ mt: 0.5, maxWidth: 720 }}>
              {intro}
            </Typography>
          )}
        </Box>
        <ProgrammePicker current={current} />
      </Box>
      {children(programme)}
    </Box>
  );
}
