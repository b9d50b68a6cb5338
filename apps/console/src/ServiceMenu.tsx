import type { ReactNode } from 'react';
import ListSubheader from '@mui/material/ListSubheader';
import GridIcon from '@mui/icons-material/GridOnOutlined';
import VerifiedIcon from '@mui/icons-material/VerifiedOutlined';
import PlanIcon from '@mui/icons-material/ChecklistOutlined';
import MailIcon from '@mui/icons-material/MarkEmailReadOutlined';
import { Menu, useSidebarState } from 'react-admin';
import { AdminMenuItems } from './admin/AdminMenuItems';

/** A group heading; hidden when the sidebar is folded to icons only. */
function Group({ children }: { children: ReactNode }) {
  const [open] = useSidebarState();
  if (!open) return null;
  return (
    <ListSubheader
      component="div"
      disableSticky
      sx={{ backgroundColor: 'transparent', color: 'text.secondary', fontWeight: 700, fontSize: '0.8rem', textTransform: 'uppercase', letterSpacing: 0.6, lineHeight: 1.5, mt: 2, mb: 0.5 }}
    >
      {children}
    </ListSubheader>
  );
}

/**
 * The side menu, grouped as a programme director thinks about the work: the overview, the
 * programme and what has escalated, performance and risk, the plan, then reference data.
 */
export function ServiceMenu() {
  return (
    <Menu>
      <Menu.DashboardItem primaryText="Dashboard" />
      <Group>Programme</Group>
      <Menu.ResourceItem name="programmes" />
      <Menu.ResourceItem name="escalations" />
      <Menu.ResourceItem name="people" />
      <Menu.ResourceItem name="monitoringVisits" />
      <Group>Performance and risk</Group>
      <Menu.ResourceItem name="kpis" />
      <Menu.ResourceItem name="risks" />
      <Menu.Item to="/risk-heat-map" primaryText="Risk heat map" leftIcon={<GridIcon />} />
      <Group>Improvement plan</Group>
      <Menu.Item to="/action-plan" primaryText="Action plan" leftIcon={<PlanIcon />} />
      <Menu.ResourceItem name="workstreams" />
      <Menu.ResourceItem name="recommendations" />
      <Menu.ResourceItem name="actions" />
      <Group>Reference</Group>
      <Menu.ResourceItem name="authorities" />
      <Group>Accountability</Group>
      <Menu.ResourceItem name="interventions" />
      <Menu.ResourceItem name="informationRequests" />
      <AdminMenuItems />
      <Group>Audit</Group>
      <Menu.ResourceItem name="auditTrail" />
      <Menu.Item to="/verify-histories" primaryText="Verify histories" leftIcon={<VerifiedIcon />} />
      <Group>You</Group>
      <Menu.Item to="/email-preferences" primaryText="Your email preferences" leftIcon={<MailIcon />} />
    </Menu>
  );
}
