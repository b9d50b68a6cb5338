import { defaultLightTheme, type RaThemeOptions } from 'react-admin';

/**
 * A calm public-sector look after the GOV.UK design system: near-black header with a blue rule,
 * Arial (GOV.UK's fallback face), square corners, no ripples, and the yellow focus ring, so that
 * keyboard users always see where they are. Every text colour here is at least 4.5:1 on its ground.
 */
const BLACK = '#0b0c0c';
const BLUE = '#1d70b8';
const DARK_BLUE = '#003078';
const FOCUS = '#ffdd00';
const SECONDARY_TEXT = '#505a5f';

const focusRing = { outline: `3px solid ${FOCUS}`, outlineOffset: 0, boxShadow: `inset 0 0 0 2px ${BLACK}` };

export const theme: RaThemeOptions = {
  ...defaultLightTheme,
  palette: {
    mode: 'light',
    primary: { main: BLUE, dark: DARK_BLUE, light: '#5694ca', contrastText: '#ffffff' },
    secondary: { main: BLACK, dark: '#000000', light: '#383f43', contrastText: '#ffffff' },
    error: { main: '#d4351c', contrastText: '#ffffff' },
    success: { main: '#00703c', contrastText: '#ffffff' },
    warning: { main: '#f47738', contrastText: BLACK },
    info: { main: BLUE, contrastText: '#ffffff' },
    text: { primary: BLACK, secondary: SECONDARY_TEXT },
    background: { default: '#f3f2f1', paper: '#ffffff' },
    divider: '#b1b4b6',
  },
  shape: { borderRadius: 0 },
  typography: {
    fontFamily: 'Arial, "Helvetica Neue", Helvetica, sans-serif',
    fontSize: 15,
    h1: { fontWeight: 700 },
    h2: { fontWeight: 700 },
    h3: { fontWeight: 700 },
    h4: { fontWeight: 700, fontSize: '2rem' },
    h5: { fontWeight: 700, fontSize: '1.5rem' },
    h6: { fontWeight: 700, fontSize: '1.15rem' },
    button: { textTransform: 'none', fontWeight: 700, fontSize: '1rem' },
  },
  components: {
    // react-admin's defaults (input sizes, sidebar) stay; these override them.
    ...defaultLightTheme.components,
    MuiButtonBase: { defaultProps: { disableRipple: true }, styleOverrides: { root: { '&.Mui-focusVisible': focusRing } } },
    MuiButton: { defaultProps: { disableElevation: true } },
    MuiLink: { styleOverrides: { root: { color: BLUE, '&:focus-visible': { ...focusRing, backgroundColor: FOCUS, color: BLACK } } } },
    MuiAppBar: {
      styleOverrides: { root: { backgroundColor: BLACK, color: '#ffffff', borderBottom: `6px solid ${BLUE}` } },
    },
    // react-admin's loading spinner is a progressbar: it needs a name (axe: aria-progressbar-name).
    MuiCircularProgress: { defaultProps: { 'aria-label': 'Loading' } },
    MuiPaper: { styleOverrides: { root: { backgroundImage: 'none' } } },
    MuiCard: { defaultProps: { variant: 'outlined' } },
    MuiTableCell: { styleOverrides: { head: { fontWeight: 700, color: BLACK } } },
    MuiFilledInput: {
      styleOverrides: {
        // White when hovered or focused too: MUI's grey tints (#f0f0f0) take the red error label below 4.5:1.
        root: { backgroundColor: '#ffffff', border: `2px solid ${BLACK}`, '&:hover, &.Mui-focused': { backgroundColor: '#ffffff' }, '&.Mui-focused': focusRing },
      },
      defaultProps: { disableUnderline: true },
    },
    MuiOutlinedInput: {
      styleOverrides: {
        notchedOutline: { borderColor: BLACK, borderWidth: 2 },
        root: { '&.Mui-focused': focusRing },
      },
    },
    MuiInputLabel: { styleOverrides: { root: { color: BLACK } } },
    MuiFormHelperText: { styleOverrides: { root: { color: SECONDARY_TEXT, fontSize: '0.9rem' } } },
    RaToolbar: { styleOverrides: { root: { backgroundColor: '#f3f2f1' } } },
    RaMenuItemLink: {
      styleOverrides: { root: { '&.RaMenuItemLink-active': { borderLeft: `4px solid ${BLUE}`, fontWeight: 700, color: BLACK } } },
    },
  },
};
