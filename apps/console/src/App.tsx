import type { ComponentType } from 'react';
import { Admin, CustomRoutes, reactRouterProvider, Resource, type DashboardComponent } from 'react-admin';
import type { TRole } from '@ip/domain';
import { auditTrail } from './audit-trail';
import { authorities } from './authorities';
import { escalations } from './escalations';
import { kpis } from './kpis';
import { LoginPage } from './LoginPage';
import { programmes } from './programmes';
import { authProvider } from './providers/auth-provider';
import { dataProvider } from './providers/data-provider';
import { i18nProvider } from './providers/i18n-provider';
import { recommendations } from './recommendations';
import { RiskHeatMapPage, risks } from './risks';
import { SERVICE_NAME } from './service';
import { ServiceLayout } from './ServiceLayout';
import { theme } from './theme';
import { workstreams } from './workstreams';
import { actions } from './actions';
import { monitoringVisits } from './monitoring-visits';
import { users } from './users';
import { interventions } from './interventions';
import { informationRequests } from './information-requests';
import { lazyPage } from './lazy-page';
import { outbox } from './outbox';
import { people } from './people';

// Loaded when first shown: the sign-in page does not wait for the dashboard's charts.
const Dashboard = lazyPage(() => import('./dashboard/Dashboard'), 'Dashboard', { prefetch: true }) as DashboardComponent;
const ProgrammeHistoryPage = lazyPage(() => import('./audit/HistoryPage'), 'ProgrammeHistoryPage');
const VerifyHistoriesPage = lazyPage(() => import('./audit/VerifyHistoriesPage'), 'VerifyHistoriesPage');
const ActionPlanPage = lazyPage(() => import('./action-plan/ActionPlanPage'), 'ActionPlanPage');
const VisitCalendarPage = lazyPage(() => import('./monitoring-visits/VisitCalendar'), 'VisitCalendarPage');
const ProgrammeConfigurationPage = lazyPage(() => import('./admin/ProgrammeConfigurationPage'), 'ProgrammeConfigurationPage');
const EmailPreferencesPage = lazyPage(() => import('./email-preferences/EmailPreferencesPage'), 'EmailPreferencesPage');
const SignInLockoutsPage = lazyPage(() => import('./admin/SignInLockoutsPage'), 'SignInLockoutsPage');

const MAY_CHANGE: readonly (TRole | undefined)[] = ['programme_manager', 'admin'];
const { Route } = reactRouterProvider;

/**
 * The console. Resources are declared per role: an auditor gets no create or edit routes at all
 * (and no create buttons), not just hidden buttons; the API refuses the commands in any case.
 */
export function App() {
  return (
    <Admin
      title={SERVICE_NAME}
      dataProvider={dataProvider}
      authProvider={authProvider}
      i18nProvider={i18nProvider}
      loginPage={LoginPage}
      layout={ServiceLayout}
      dashboard={Dashboard}
      theme={theme}
      requireAuth
      disableTelemetry
    >
      {(permissions: TRole | undefined) => {
        const mayChange = MAY_CHANGE.includes(permissions);
        const writable = <T extends { create?: ComponentType; edit?: ComponentType }>(r: T): T =>
          mayChange ? r : { ...r, create: undefined, edit: undefined };
        return [
          <Resource key="programmes" {...writable(programmes)} />,
          <Resource key="escalations" {...escalations} />,
          <Resource key="kpis" {...writable(kpis)} />,
          <Resource key="kpiReadings" name="kpiReadings" />,
          <Resource key="risks" {...writable(risks)} />,
          <Resource key="workstreams" {...writable(workstreams)} />,
          <Resource key="recommendations" {...writable(recommendations)} />,
          <Resource key="authorities" {...authorities} />,
          <Resource key="auditTrail" {...auditTrail} />,
          <Resource key="actions" {...actions} />,
          <Resource key="monitoringVisits" {...monitoringVisits} />,
          <Resource key="people" {...people} />,
          <CustomRoutes key="custom">
            <Route path="/risk-heat-map" element={<RiskHeatMapPage />} />
            <Route path="/programmes/:id/history" element={<ProgrammeHistoryPage />} />
            <Route path="/verify-histories" element={<VerifyHistoriesPage />} />
            <Route path="/action-plan" element={<ActionPlanPage />} />
            <Route path="/monitoring-visits/calendar" element={<VisitCalendarPage />} />
            <Route path="/email-preferences" element={<EmailPreferencesPage />} />
          </CustomRoutes>,
          <Resource key="interventions" {...interventions} />,
          <Resource key="informationRequests" {...informationRequests} />,
          ...(permissions === 'admin'
            ? [
                <Resource key="users" {...users} />,
                <Resource key="outbox" {...outbox} />,
                <CustomRoutes key="admin">
                  <Route path="/programme-configuration" element={<ProgrammeConfigurationPage />} />
                  <Route path="/sign-in-lockouts" element={<SignInLockoutsPage />} />
                </CustomRoutes>,
              ]
            : [
                // Others read emails on the escalation and action pages; the Outbox pages are the admins'.
                <Resource key="outbox" name="outbox" />,
              ]),
        ];
      }}
    </Admin>
  );
}
