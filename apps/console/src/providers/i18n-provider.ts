/**
 * The console's own words for react-admin's built-in messages, in British English and in the
 * service's voice (sign in / sign out, "There are no actions yet", "1 to 25 of 40"), instead of
 * react-admin's English default ("No Audit trail found", "Logout", "1-25 of 40").
 */
import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';
import type { I18nProvider, TranslationMessages } from 'react-admin';

/** What each list holds, as a sentence says it ("There are no audit trail records yet"). */
export const RESOURCE_NOUNS: Record<string, string> = {
  programmes: 'programmes',
  escalations: 'escalations',
  kpis: 'KPIs',
  kpiReadings: 'KPI readings',
  risks: 'risks',
  workstreams: 'workstreams',
  recommendations: 'recommendations',
  authorities: 'local authorities',
  auditTrail: 'audit trail records',
  actions: 'actions',
  monitoringVisits: 'monitoring visits',
  interventions: 'DfE interventions',
  informationRequests: 'information requests',
  users: 'users',
  savedViews: 'saved views',
};

const ours = {
  action: { back: 'Back', export: 'Download CSV', remove_filter: 'Remove this filter', clear_input_value: 'Clear', search: 'Search' },
  page: {
    empty: 'There are no %{name} yet.',
    invite: 'Add the first one.',
    not_found: 'Page not found',
    error: 'Sorry, there is a problem with the service',
    loading: 'Loading',
    access_denied: 'You cannot see this page',
    authentication_error: 'You need to sign in again',
  },
  message: {
    not_found: 'If you typed the address, check it is correct. If you followed a link, it may be out of date.',
    error: 'Sorry, there is a problem with the service. Try again later.',
    invalid_form: 'There is a problem: check the answers marked in red.',
    unsaved_changes: 'Some of your changes have not been saved. Leave this page anyway?',
    access_denied: 'Your role does not give you access to this page.',
    loading: 'Please wait',
    placeholder_data_warning: 'Could not refresh: the figures shown may be out of date.',
  },
  navigation: {
    no_results: 'No %{name} found.',
    no_filtered_results: 'No %{name} match these filters.',
    clear_filters: 'Clear filters',
    page_range_info: '%{offsetBegin} to %{offsetEnd} of %{total}',
    partial_page_range_info: '%{offsetBegin} to %{offsetEnd} of more than %{offsetEnd}',
    page_rows_per_page: 'Rows per page',
    skip_nav: 'Skip to main content',
  },
  auth: {
    auth_check_error: 'Sign in to continue',
    user_menu: 'Account menu',
    email: 'Email address',
    sign_in: 'Sign in',
    sign_in_error: 'Your email address or password is wrong',
    logout: 'Sign out',
  },
  notification: {
    http_error: 'The service could not be reached. Try again in a few minutes.',
    logged_out: 'You have been signed out. Sign in again to continue.',
    not_authorized: 'Your role does not allow this.',
    offline: 'No connection: the figures shown may be out of date.',
    data_provider_error: 'Sorry, there is a problem with the service. Try again later.',
  },
};

function merge<T extends Record<string, unknown>>(base: T, over: Record<string, unknown>): T {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) {
    out[k] = v && typeof v === 'object' && !Array.isArray(v) ? merge((base[k] ?? {}) as Record<string, unknown>, v as Record<string, unknown>) : v;
  }
  return out as T;
}

export const messages: TranslationMessages = merge(englishMessages, {
  ra: ours,
  // react-admin's empty page reads this key for the noun (ra.page.empty).
  resources: Object.fromEntries(Object.entries(RESOURCE_NOUNS).map(([r, noun]) => [r, { forcedCaseName: noun }])),
});

const polyglot = polyglotI18nProvider(() => messages, 'en-GB', [{ locale: 'en-GB', name: 'English (United Kingdom)' }], { allowMissing: true });

/** The "no results" messages get the list's noun in lower case, as a sentence has it. */
const NOUN_KEYS = new Set(['ra.navigation.no_results', 'ra.navigation.no_filtered_results']);

export const i18nProvider: I18nProvider = {
  ...polyglot,
  translate: (key, options) => {
    // react-admin passes options as any; these are the two this function reads.
    const { resource, name } = (options ?? {}) as { resource?: string; name?: string | number };
    if (NOUN_KEYS.has(key) && resource) return polyglot.translate(key, { ...options, name: RESOURCE_NOUNS[resource] ?? String(name ?? '').toLowerCase() });
    return polyglot.translate(key, options);
  },
};
