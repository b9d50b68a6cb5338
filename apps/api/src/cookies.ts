import type { IncomingMessage, ServerResponse } from 'node:http';

export const SESSION_COOKIE = 'ip_session';

/**
 * A cookie's value, or null. A value that is not valid percent-encoding (`%E0%A4%A`, a lone `%`) is
 * no cookie at all: a bad cookie is simply no session, never a 500 (it used to lock its holder out
 * of every procedure, sign-in included, with "URI malformed").
 */
export function readCookie(req: IncomingMessage, name: string): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    const raw = part.slice(eq + 1).trim();
    try {
      return decodeURIComponent(raw);
    } catch {
      return null;
    }
  }
  return null;
}

/** httpOnly so scripts cannot read it, SameSite=Lax against cross-site posts, Secure over TLS. */
export function sessionCookie(token: string, expiresAt: Date | null, secure: boolean): string {
  const parts = [
    `${SESSION_COOKIE}=${encodeURIComponent(token)}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    expiresAt ? `Expires=${expiresAt.toUTCString()}` : 'Max-Age=0',
  ];
  if (secure) parts.push('Secure');
  return parts.join('; ');
}

export function appendSetCookie(res: ServerResponse, cookie: string): void {
  const prev = res.getHeader('Set-Cookie');
  const list = Array.isArray(prev) ? prev : prev ? [String(prev)] : [];
  res.setHeader('Set-Cookie', [...list, cookie]);
}
