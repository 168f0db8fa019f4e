/**
 * One organisation with its user accounts and what it holds (households, plots, area). Listing and
 * registering organisations stay in registry.service.ts.
 */
import { sql } from 'kysely';
import type { OrganisationDetail } from '@dongxanh/contracts';
import { notFound } from '../../shared/errors.ts';
import { assertCan, type Actor } from '../auth/permissions.ts';
import { organisationVisibleTo } from './registry-scope.ts';
import type { RegistryDeps } from './registry.service.ts';

export function createOrganisationsService({ db }: RegistryDeps) {
  return {
    async getOrganisation(actor: Actor, id: string): Promise<OrganisationDetail> {
      assertCan(actor, 'registry:read');
      const organisation = await db
        .selectFrom('organisations as o')
        .leftJoin('adminUnits as c', 'c.code', 'o.communeCode')
        .where('o.id', '=', id)
        .where(organisationVisibleTo(actor, 'o'))
        .select(['o.id', 'o.name', 'o.kind', 'o.provinceCode', 'o.communeCode', 'c.name as communeName', 'o.taxCode', 'o.gln'])
        .select(sql<number>`(select count(*) from households h where h.organisation_id = o.id)`.as('householdCount'))
        .select(sql<number>`(select count(*) from plots p where p.organisation_id = o.id)`.as('plotCount'))
        .select(sql<number>`(select coalesce(sum(p.area_ha), 0) from plots p where p.organisation_id = o.id)`.as('areaHa'))
        .executeTakeFirst();
      if (!organisation) throw notFound('Organisation', id);
      const members = await db
        .selectFrom('users')
        .where('organisationId', '=', id)
        .where('disabledAt', 'is', null)
        .select(['id as userId', 'displayName', 'role'])
        .orderBy('role')
        .orderBy('displayName')
        .execute();
      return { ...organisation, areaHa: Number(organisation.areaHa), members };
    },
  };
}
