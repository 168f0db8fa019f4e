/**
 * Logins, sessions, API tokens and user accounts. Sessions live in an http-only cookie; machines use
 * bearer API tokens, shown once, stored hashed, narrowed by scopes and revocable.
 */
import type { Database } from '../../db/database.ts';
import type { Role } from '../../db/schema.ts';
import type { Clock } from '../../shared/clock.ts';
import { DomainError, forbidden, notFound } from '../../shared/errors.ts';
import { message } from '../../shared/messages.ts';
import type { CreateUserBody } from '@dongxanh/contracts';
import {
  findLiveApiToken,
  findLiveSession,
  findUserById,
  findUserByLogin,
  insertSession,
  revokeSession,
  touchApiToken,
  type UserRecord,
} from './auth.repository.ts';
import { dummyPasswordHash, hashPassword, verifyPassword } from './passwords.ts';
import { assertCan, permissionsFor, type Actor } from './permissions.ts';
import { hashSecret, newApiToken, newSecret } from './tokens.ts';

export type AuthDeps = { db: Database; clock: Clock; sessionTtlHours: number };

export const invalidCredentials = () => new DomainError('unauthenticated', message('auth.wrongCredentials'));

export function actorFor(user: UserRecord, via: Actor['via'], tokenScopes?: readonly string[]): Actor {
  return {
    userId: user.id,
    displayName: user.displayName,
    role: user.role,
    organisationId: user.organisationId,
    householdId: user.householdId,
    adminUnitCode: user.adminUnitCode,
    permissions: permissionsFor(user.role, tokenScopes),
    via,
  };
}

/** Which roles a user manager may create: no one creates a role above their own, or outside their scope. */
const creatableRoles: Partial<Record<Role, Role[]>> = {
  coop_manager: ['farmer', 'coop_recorder', 'coop_manager'],
  province_officer: ['commune_officer', 'province_officer', 'verifier', 'coop_manager', 'enterprise'],
};

export function createAuthService({ db, clock, sessionTtlHours }: AuthDeps) {
  async function assertMayCreate(actor: Actor, body: CreateUserBody) {
    assertCan(actor, 'users:manage');
    if (actor.role === 'admin') return;
    if (!creatableRoles[actor.role]?.includes(body.role)) throw forbidden(`create ${body.role} accounts`);
    if (actor.role === 'coop_manager' && body.organisationId !== actor.organisationId) throw forbidden('create accounts for another organisation');
    if (actor.role === 'province_officer' && body.adminUnitCode) {
      const unit = await db.selectFrom('adminUnits').select(['code', 'parentCode']).where('code', '=', body.adminUnitCode).executeTakeFirst();
      const province = unit?.parentCode ?? unit?.code;
      if (province !== actor.adminUnitCode) throw forbidden('create accounts outside your province');
    }
  }

  return {
    async login(login: string, password: string) {
      const user = await findUserByLogin(db, login.trim());
      if (!user) {
        await verifyPassword(await dummyPasswordHash(), password);
        throw invalidCredentials();
      }
      if (user.disabledAt || !(await verifyPassword(user.passwordHash, password))) throw invalidCredentials();
      const token = newSecret();
      const expiresAt = new Date(clock.now().getTime() + sessionTtlHours * 3600_000);
      await insertSession(db, user.id, hashSecret(token), expiresAt);
      const { passwordHash: _, ...record } = user;
      return { user: record, sessionToken: token, expiresAt };
    },

    async logout(sessionToken: string) {
      await revokeSession(db, hashSecret(sessionToken), clock.now());
    },

    /** Turns a session cookie or a bearer token into an Actor; null when neither is valid. */
    async authenticate(credentials: { sessionToken?: string; bearerToken?: string }): Promise<Actor | null> {
      const now = clock.now();
      if (credentials.bearerToken) {
        const token = await findLiveApiToken(db, hashSecret(credentials.bearerToken), now);
        if (!token) return null;
        const user = await findUserById(db, token.userId);
        if (!user || user.disabledAt) return null;
        await touchApiToken(db, token.id, now);
        return actorFor(user, 'token', token.scopes);
      }
      if (credentials.sessionToken) {
        const session = await findLiveSession(db, hashSecret(credentials.sessionToken), now);
        if (!session) return null;
        const user = await findUserById(db, session.userId);
        if (!user || user.disabledAt) return null;
        return actorFor(user, 'session');
      }
      return null;
    },

    async me(actor: Actor) {
      const user = await findUserById(db, actor.userId);
      if (!user) throw notFound('User', actor.userId);
      return user;
    },

    async createUser(actor: Actor | null, body: CreateUserBody) {
      if (actor) await assertMayCreate(actor, body);
      const passwordHash = await hashPassword(body.password);
      try {
        return await db
          .insertInto('users')
          .values({
            displayName: body.displayName,
            phone: body.phone ?? null,
            email: body.email?.toLowerCase() ?? null,
            passwordHash,
            role: body.role,
            organisationId: body.organisationId ?? null,
            householdId: body.householdId ?? null,
            adminUnitCode: body.adminUnitCode ?? null,
            createdBy: actor?.userId ?? null,
          })
          .returning(['id', 'displayName', 'role'])
          .executeTakeFirstOrThrow();
      } catch (err) {
        if ((err as { code?: string }).code === '23505') throw new DomainError('conflict', message('auth.accountExists'));
        throw err;
      }
    },

    async createApiToken(actor: Actor, input: { name: string; scopes: string[]; expiresInDays?: number | undefined }) {
      assertCan(actor, 'tokens:manage');
      const granted = permissionsFor(actor.role);
      const outside = input.scopes.filter((s) => !granted.has(s as never));
      if (outside.length) throw new DomainError('forbidden', message('auth.cannotGrant', { scopes: { list: outside, separator: ', ' } }));
      const { token, prefix, tokenHash } = newApiToken();
      const expiresAt = input.expiresInDays ? new Date(clock.now().getTime() + input.expiresInDays * 86400_000) : null;
      const row = await db
        .insertInto('apiTokens')
        .values({ userId: actor.userId, name: input.name, tokenHash, prefix, scopes: input.scopes, expiresAt })
        .returning(['id', 'name', 'prefix', 'scopes', 'createdAt', 'expiresAt', 'lastUsedAt', 'revokedAt'])
        .executeTakeFirstOrThrow();
      return { ...row, token };
    },

    listApiTokens(actor: Actor) {
      return db
        .selectFrom('apiTokens')
        .select(['id', 'name', 'prefix', 'scopes', 'createdAt', 'expiresAt', 'lastUsedAt', 'revokedAt'])
        .where('userId', '=', actor.userId)
        .orderBy('createdAt', 'desc')
        .execute();
    },

    async revokeApiToken(actor: Actor, id: string) {
      const result = await db
        .updateTable('apiTokens')
        .set({ revokedAt: clock.now() })
        .where('id', '=', id)
        .where('userId', '=', actor.userId)
        .where('revokedAt', 'is', null)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) throw notFound('API token', id);
    },
  };
}
export type AuthService = ReturnType<typeof createAuthService>;
