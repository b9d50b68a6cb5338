import { useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Container from '@mui/material/Container';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useLogin } from 'react-admin';
import { env } from './env';
import { SERVICE_NAME } from './service';

/**
 * Sign-in page. Says plainly which system this is and for whom, because council staff use several
 * look-alike systems; the error summary is announced and focusable, after the GOV.UK pattern.
 * It does not bounce a signed-in user onwards by itself: if `auth.me` and a resource procedure ever
 * disagreed about the session, that would loop between this page and the list.
 */
export function LoginPage() {
  const login = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  // Catches its own failure (shown in the form), so the form calls it with `void`.
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!email.trim() || !password) {
      setError('Enter your email address and password.');
      return;
    }
    setSubmitting(true);
    setError(null);
    try {
      await login({ email: email.trim(), password });
    } catch (e) {
      setError(e instanceof Error ? e.message : 'Sign-in failed. Try again.');
      setSubmitting(false);
    }
  };

  return (
    <Box sx={{ minHeight: '100vh', bgcolor: 'background.default' }}>
      <Box component="header" sx={{ bgcolor: '#0b0c0c', color: '#fff', borderBottom: '8px solid #1d70b8', py: 1.5 }}>
        <Container maxWidth="md">
          <Typography component="p" sx={{ fontWeight: 700, fontSize: '1.25rem' }}>
            {SERVICE_NAME}
          </Typography>
          <Typography component="p" variant="body2">
            Children's services improvement programme{env.VITE_COUNCIL_NAME ? ` — ${env.VITE_COUNCIL_NAME}` : ''}
          </Typography>
        </Container>
      </Box>
      <Container component="main" maxWidth="md" sx={{ py: 5 }}>
        <Box sx={{ maxWidth: 480 }}>
          <Typography component="h1" variant="h4" gutterBottom>
            Sign in
          </Typography>
          <Typography variant="body1" sx={{ mb: 1 }}>
            This is the {env.VITE_COUNCIL_NAME ? `${env.VITE_COUNCIL_NAME} ` : ''}system for running the children's services
            improvement programme after an Ofsted inspection: statutory deadlines, the action plan and monitoring.
          </Typography>
          <Typography variant="body1" sx={{ mb: 3 }}>
            It is for authorised council staff only. Sign in with your work email address.
          </Typography>
          {error && (
            <Alert severity="error" role="alert" sx={{ mb: 3 }} tabIndex={-1}>
              {error}
            </Alert>
          )}
          <form onSubmit={(e) => void onSubmit(e)} noValidate aria-label="Sign in">
            <TextField
              id="email"
              name="email"
              label="Email address"
              type="email"
              autoComplete="username"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              required
              autoFocus
              variant="outlined"
              margin="normal"
              fullWidth
            />
            <TextField
              id="password"
              name="password"
              label="Password"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              required
              variant="outlined"
              margin="normal"
              fullWidth
            />
            <Button type="submit" variant="contained" disabled={submitting} sx={{ mt: 3 }} size="large">
              {submitting ? 'Signing in…' : 'Sign in'}
            </Button>
          </form>
        </Box>
      </Container>
    </Box>
  );
}
