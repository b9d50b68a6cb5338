import type { AuthProvider, UserIdentity } from 'react-admin';
import { HttpError } from 'react-admin';
import type { TRole } from '@ip/domain';
import { trpc } from './trpc';
import { apiErrorCode, toHttpError } from './api-error';

/** The signed-in user as `auth.me` and `auth.login` return it. */
export interface TSessionUser {
  id: string;
  email: string;
  name: string;
  role: TRole;
}

/**
 * `auth.me` is asked once and the answer kept until login, logout or a 401, because react-admin
 * calls checkAuth on every navigation and getIdentity/getPermissions on most renders.
 */
let currentUser: Promise<TSessionUser | null> | undefined;

function me(): Promise<TSessionUser | null> {
  currentUser ??= trpc.auth.me
    .query()
    .then((r) => r.user)
    .catch((error: unknown) => {
      currentUser = undefined;
      throw toHttpError(error);
    });
  return currentUser;
}

async function requireUser(): Promise<TSessionUser> {
  const user = await me();
  if (!user) throw new HttpError('Sign in to continue.', 401);
  return user;
}

function isUnauthorised(error: unknown): boolean {
  if (error instanceof HttpError) return error.status === 401 || apiErrorCode(error) === 'UNAUTHORIZED';
  const status = (error as { status?: unknown } | null)?.status;
  return status === 401;
}

export const authProvider: AuthProvider = {
  async login({ email, password }: { email: string; password: string }) {
    try {
      const { user } = await trpc.auth.login.mutate({ email, password });
      currentUser = Promise.resolve(user);
    } catch (error) {
      const httpError = toHttpError(error);
      if (httpError.status === 401) throw new Error('The email address or password is not right.');
      throw httpError;
    }
  },

  async logout() {
    const cached = currentUser;
    currentUser = undefined;
    const user = cached ? await cached.catch(() => null) : null;
    if (user) {
      // The cookie is httpOnly, so only the server can end the session; a failure here still
      // leaves the console signed out, and the server session expires on its own.
      await trpc.auth.logout.mutate().catch(() => undefined);
    }
  },

  async checkAuth() {
    await requireUser();
  },

  async checkError(error: unknown) {
    if (isUnauthorised(error)) {
      currentUser = undefined;
      throw new HttpError('Your session has ended. Sign in again.', 401);
    }
    // 403 and everything else: stay signed in; the page shows the error.
  },

  async getIdentity(): Promise<UserIdentity> {
    const user = await requireUser();
    return { id: user.id, fullName: user.name, email: user.email, role: user.role };
  },

  async getPermissions() {
    const user = await me();
    return user?.role;
  },
};
