import type { Executor } from '../../db/database.ts';
import type { Role } from '../../db/schema.ts';

export interface UserRecord {
  id: string;
  displayName: string;
  phone: string | null;
  email: string | null;
  role: Role;
  organisationId: string | null;
  householdId: string | null;
  adminUnitCode: string | null;
  locale: 'vi' | 'en';
  disabledAt: Date | null;
}

const userColumns = ['id', 'displayName', 'phone', 'email', 'role', 'organisationId', 'householdId', 'adminUnitCode', 'locale', 'disabledAt'] as const;

/** A login is a phone number (digits, optional +) or an e-mail address. */
export async function findUserByLogin(db: Executor, login: string) {
  const isEmail = login.includes('@');
  return db
    .selectFrom('users')
    .select([...userColumns, 'passwordHash'])
    .where(isEmail ? 'email' : 'phone', '=', isEmail ? login.toLowerCase() : login)
    .executeTakeFirst();
}

export async function findUserById(db: Executor, id: string): Promise<UserRecord | undefined> {
  return db.selectFrom('users').select(userColumns).where('id', '=', id).executeTakeFirst();
}

export async function insertSession(db: Executor, userId: string, tokenHash: string, expiresAt: Date) {
  await db.insertInto('sessions').values({ userId, tokenHash, expiresAt }).execute();
}

export async function findLiveSession(db: Executor, tokenHash: string, now: Date) {
  return db
    .selectFrom('sessions')
    .select(['userId', 'expiresAt'])
    .where('tokenHash', '=', tokenHash)
    .where('revokedAt', 'is', null)
    .where('expiresAt', '>', now)
    .executeTakeFirst();
}

export async function revokeSession(db: Executor, tokenHash: string, now: Date) {
  await db.updateTable('sessions').set({ revokedAt: now }).where('tokenHash', '=', tokenHash).execute();
}

export async function findLiveApiToken(db: Executor, tokenHash: string, now: Date) {
  return db
    .selectFrom('apiTokens')
    .select(['id', 'userId', 'scopes'])
    .where('tokenHash', '=', tokenHash)
    .where('revokedAt', 'is', null)
    .where((eb) => eb.or([eb('expiresAt', 'is', null), eb('expiresAt', '>', now)]))
    .executeTakeFirst();
}

export async function touchApiToken(db: Executor, id: string, now: Date) {
  await db.updateTable('apiTokens').set({ lastUsedAt: now }).where('id', '=', id).execute();
}
