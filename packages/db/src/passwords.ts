/**
 * Password hashing for console users: argon2id (OWASP's first choice) via @node-rs/argon2,
 * a native build that needs no compiler. Hashes are PHC strings, so parameters travel with
 * each hash and can be raised later without invalidating existing ones.
 */
import { hash, verify } from '@node-rs/argon2';

/** Argon2id; the package exports this as an ambient const enum, unusable under isolatedModules. */
const ARGON2ID = 2;

/**
 * OWASP's argon2id baseline (19 MiB, 2 passes, 1 lane): ~30 ms here. Enough for a console with
 * a few hundred users; raise memoryCost if the login rate limit is ever relaxed.
 */
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Hashes a password with argon2id and a random salt; returns a PHC string (`$argon2id$v=19$...`). */
export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/**
 * True when `password` matches `passwordHash` (argument order as in hashPassword: the plain
 * password first). False, never a throw, for a wrong password or a malformed hash.
 */
export async function verifyPassword(password: string, passwordHash: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
