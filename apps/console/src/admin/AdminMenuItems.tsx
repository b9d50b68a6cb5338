import LockOpenIcon from '@mui/icons-material/LockOpenOutlined';
import SettingsIcon from '@mui/icons-material/TuneOutlined';
import ListSubheader from '@mui/material/ListSubheader';
import { Menu, usePermissions, useSidebarState } from 'react-admin';
import type { TRole } from '@ip/domain';

/** The admin's part of the side menu; nobody else sees it (and the API refuses them anyway). */
export function AdminMenuItems() {
  const { permissions } = usePermissions<TRole | undefined>();
  const [open] = useSidebarState();
  if (permissions !== 'admin') return null;
  return (
    <>
      {open && (
        <ListSubheader component="div" disableSticky sx={{ backgroundColor: 'transparent', color: 'text.secondary', fontWeight: 700, fontSize: '0.8rem', textTransform: 'uppercase', letterSpacing: 0.6, lineHeight: 1.5, mt: 2, mb: 0.5 }}>
          Administration
        </ListSubheader>
      )}
      <Menu.ResourceItem name="users" />
      <Menu.ResourceItem name="outbox" />
      <Menu.Item to="/programme-configuration" primaryText="Programme configuration" leftIcon={<SettingsIcon />} />
      <Menu.Item to="/sign-in-lockouts" primaryText="Sign-in lockouts" leftIcon={<LockOpenIcon />} />
    </>
  );
}
