/** Opaque bearer secrets: 32 random bytes; only their SHA-256 is stored, so a database leak reveals none. */
import { createHash, randomBytes } from 'node:crypto';

export const newSecret = () => randomBytes(32).toString('base64url');
export const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');

/** API tokens read `dx_<8-char prefix>_<secret>`; the prefix lets a person tell tokens apart in lists. */
export function newApiToken() {
  const prefix = randomBytes(6).toString('base64url').slice(0, 8);
  const token = `dx_${prefix}_${newSecret()}`;
  return { token, prefix, tokenHash: hashSecret(token) };
}
