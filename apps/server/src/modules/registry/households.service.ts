/**
 * One household with its members and plots, and adding members. Names, birth years and phone
 * numbers are personal data (Decree 13/2023/NĐ-CP): they are only read through the caller's scope
 * and never appear on public pages. Listing and registering households stay in registry.service.ts.
 */
import { sql } from 'kysely';
import type { AddHouseholdMemberBody, HouseholdDetail } from '@dongxanh/contracts';
import { DomainError, fieldError, notFound } from '../../shared/errors.ts';
import { message } from '../../shared/messages.ts';
import { assertCan, type Actor } from '../auth/permissions.ts';
import { visibleTo } from '../auth/scope.ts';
import { ruleViolated } from './registry-scope.ts';
import type { RegistryDeps } from './registry.service.ts';

const isUniqueViolation = (err: unknown) => (err as { code?: string }).code === '23505';

export function createHouseholdsService({ db, clock }: RegistryDeps) {
  return {
    async getHousehold(actor: Actor, id: string): Promise<HouseholdDetail> {
      assertCan(actor, 'registry:read');
      const household = await db
        .selectFrom('households as h')
        .innerJoin('adminUnits as c', 'c.code', 'h.communeCode')
        .where('h.id', '=', id)
        .where(visibleTo(actor, 'h', 'id'))
        .select(['h.id', 'h.headName', 'h.phone', 'h.address', 'h.organisationId', 'h.provinceCode', 'h.communeCode', 'c.name as communeName', 'h.createdAt', 'h.createdBy'])
        .executeTakeFirst();
      if (!household) throw notFound('Household', id);
      const members = await db
        .selectFrom('householdMembers')
        .where('householdId', '=', id)
        .select(['id', 'fullName', 'relation', 'birthYear', 'gender', 'phone', 'createdAt', 'createdBy'])
        // The head first, then spouse, parents, children (eldest first) and others.
        .orderBy(sql`array_position(array['head', 'spouse', 'parent', 'child', 'other'], relation)`)
        .orderBy(sql`birth_year nulls last`)
        .orderBy('createdAt')
        .orderBy('id')
        .execute();
      const plots = await db
        .selectFrom('plots as p')
        .where('p.householdId', '=', id)
        .where(visibleTo(actor, 'p'))
        .select(['p.id', 'p.code', 'p.name', 'p.areaHa'])
        .orderBy('p.code')
        .execute();
      return {
        ...household,
        createdAt: household.createdAt.toISOString(),
        members: members.map((m) => ({ ...m, createdAt: m.createdAt.toISOString() })),
        plots: plots.map((p) => ({ ...p, areaHa: Number(p.areaHa) })),
      };
    },

    async addHouseholdMember(actor: Actor, householdId: string, body: AddHouseholdMemberBody) {
      return db.transaction().execute(async (tx) => {
        const household = await tx
          .selectFrom('households as h')
          .where('h.id', '=', householdId)
          .where(visibleTo(actor, 'h', 'id'))
          .select(['h.id', 'h.provinceCode'])
          .forUpdate()
          .executeTakeFirst();
        if (!household) throw notFound('Household', householdId);
        assertCan(actor, 'households:edit');
        const now = clock.now();
        if (body.birthYear !== undefined && body.birthYear > now.getUTCFullYear()) throw ruleViolated('birthYear', message('registry.birthYearFuture', { year: String(body.birthYear) }));
        if (body.relation === 'head') {
          const head = await tx.selectFrom('householdMembers').select('fullName').where('householdId', '=', householdId).where('relation', '=', 'head').executeTakeFirst();
          if (head) throw new DomainError('conflict', message('registry.householdHasHead', { name: head.fullName }), { errors: [fieldError('relation', message('registry.oneHead'))] });
        }
        try {
          return await tx
            .insertInto('householdMembers')
            .values({
              householdId,
              provinceCode: household.provinceCode,
              fullName: body.fullName,
              relation: body.relation,
              birthYear: body.birthYear ?? null,
              gender: body.gender ?? null,
              phone: body.phone ?? null,
              createdBy: actor.userId,
              createdAt: now,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
        } catch (err) {
          if (isUniqueViolation(err)) throw new DomainError('conflict', message('registry.householdHasHeadShort'), { errors: [fieldError('relation', message('registry.oneHead'))] });
          throw err;
        }
      });
    },
  };
}
