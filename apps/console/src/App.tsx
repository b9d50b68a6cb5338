import { Admin, Resource } from 'react-admin';
import type { TRole } from '@ip/domain';
import { authorities } from './authorities';
import { LoginPage } from './LoginPage';
import { programmes } from './programmes';
import { authProvider } from './providers/auth-provider';
import { dataProvider } from './providers/data-provider';
import { SERVICE_NAME } from './service';
import { ServiceLayout } from './ServiceLayout';
import { theme } from './theme';

const MAY_START_PROGRAMMES: readonly (TRole | undefined)[] = ['programme_manager', 'admin'];

/**
 * The console. Resources are declared per role: an auditor gets no create route at all (and no
 * create buttons), not just hidden buttons; the API refuses the commands in any case.
 */
export function App() {
  return (
    <Admin
      title={SERVICE_NAME}
      dataProvider={dataProvider}
      authProvider={authProvider}
      loginPage={LoginPage}
      layout={ServiceLayout}
      theme={theme}
      requireAuth
      disableTelemetry
    >
      {(permissions: TRole | undefined) => [
        <Resource
          key="programmes"
          {...programmes}
          create={MAY_START_PROGRAMMES.includes(permissions) ? programmes.create : undefined}
        />,
        <Resource key="authorities" {...authorities} />,
      ]}
    </Admin>
  );
}
