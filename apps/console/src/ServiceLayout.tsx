import type { ReactNode } from 'react';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { AppBar, Layout, TitlePortal, useGetIdentity, UserMenu } from 'react-admin';
import { SERVICE_NAME } from './service';
import { ServiceMenu } from './ServiceMenu';
import { LiveRefresh } from './providers/live-refresh';

/**
 * The account menu's button shows the person's name, so its accessible name must contain it
 * (WCAG 2.5.3 label in name); react-admin names it "Profile" whatever it shows.
 */
function ServiceUserMenu() {
  const { identity } = useGetIdentity();
  return <UserMenu label={identity?.fullName ? `${identity.fullName}: account menu` : 'Account menu'} />;
}

/** The header names the service first, then the page, like a GOV.UK service header. */
function ServiceAppBar() {
  return (
    <AppBar userMenu={<ServiceUserMenu />}>
      <Typography component="span" sx={{ fontWeight: 700, fontSize: '1.1rem', whiteSpace: 'nowrap' }}>
        {SERVICE_NAME}
      </Typography>
      <Box component="span" aria-hidden="true" sx={{ mx: 1.5, opacity: 0.7 }}>
        |
      </Box>
      <TitlePortal />
    </AppBar>
  );
}

export function ServiceLayout({ children }: { children: ReactNode }) {
  return (
    <Layout appBar={ServiceAppBar} menu={ServiceMenu}>
      <LiveRefresh />
      {children}
    </Layout>
  );
}
