/** Accounts, issuances, blocks, transfers, retirements and acknowledgements. */
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { Actor } from '../auth/permissions.ts';

/** Accounts the caller can see: by province for officers and verifiers, their own for organisations. */
export function accountVisibleTo(actor: Actor, alias = 'a'): Expression<SqlBool> {
  const col = (c: string) => sql.ref(`${alias}.${c}`);
  switch (actor.role) {
    case 'admin':
      return sql<SqlBool>`true`;
    case 'province_officer':
    case 'verifier':
    case 'commune_officer':
      if (!actor.adminUnitCode) return sql<SqlBool>`false`;
      return actor.adminUnitCode.length <= 2
        ? sql<SqlBool>`${col('province_code')} = ${actor.adminUnitCode}`
        : sql<SqlBool>`exists (select 1 from organisations o where o.id = ${col('organisation_id')} and o.commune_code = ${actor.adminUnitCode})`;
    case 'coop_manager':
    case 'coop_recorder':
    case 'enterprise':
      return actor.organisationId ? sql<SqlBool>`${col('organisation_id')} = ${actor.organisationId}` : sql<SqlBool>`false`;
    case 'farmer':
      return sql<SqlBool>`false`;
  }
}

export async function listAccounts(db: Executor, actor: Actor, ids?: readonly string[]) {
  let q = db.selectFrom('creditAccounts as a').innerJoin('organisations as o', 'o.id', 'a.organisationId').select(['a.id', 'a.organisationId', 'o.name as organisationName', 'a.name', 'a.provinceCode']).where(accountVisibleTo(actor));
  if (ids) q = q.where('a.id', 'in', ids.length ? ids : ['00000000-0000-0000-0000-000000000000']);
  return q.orderBy('a.name').execute();
}

export async function balancesOf(db: Executor, accountIds: readonly string[]) {
  if (accountIds.length === 0) return [];
  return db
    .selectFrom('creditBlocks as b')
    .innerJoin('mrvProjects as pr', 'pr.id', 'b.projectId')
    .select([
      'b.accountId', 'b.projectId', 'pr.code as projectCode', 'b.vintage',
      sql<number>`coalesce(sum(b.serial_end - b.serial_start + 1) filter (where b.status = 'active'), 0)`.as('active'),
      sql<number>`coalesce(sum(b.serial_end - b.serial_start + 1) filter (where b.status = 'retired'), 0)`.as('retired'),
    ])
    .where('b.accountId', 'in', accountIds)
    .where('b.status', '<>', 'split')
    .groupBy(['b.accountId', 'b.projectId', 'pr.code', 'b.vintage'])
    .orderBy('pr.code')
    .orderBy('b.vintage')
    .execute();
}

export async function accountOfOrganisation(db: Executor, organisationId: string) {
  return db.selectFrom('creditAccounts').select(['id', 'name']).where('organisationId', '=', organisationId).orderBy('createdAt').limit(1).executeTakeFirst();
}

/** Active blocks of an account for a project and vintage, locked for this transaction (FOR UPDATE). */
export async function lockActiveBlocks(db: Executor, accountId: string, projectId: string, vintage: number) {
  return db
    .selectFrom('creditBlocks')
    .select(['id', 'issuanceId', 'serialStart', 'serialEnd'])
    .where('accountId', '=', accountId)
    .where('projectId', '=', projectId)
    .where('vintage', '=', vintage)
    .where('status', '=', 'active')
    .orderBy('serialStart')
    .forUpdate()
    .execute();
}

/** Hands out `quantity` new serials of a project and vintage: the counter row is locked until commit. */
export async function allocateSerials(db: Executor, projectId: string, vintage: number, quantity: number) {
  const { rows } = await sql<{ lastSerial: number }>`
    insert into credit_serial_counters (project_id, vintage, last_serial) values (${projectId}, ${vintage}, ${quantity})
    on conflict (project_id, vintage) do update set last_serial = credit_serial_counters.last_serial + excluded.last_serial
    returning last_serial`.execute(db);
  const end = Number(rows[0]!.lastSerial);
  return { start: end - quantity + 1, end };
}

export async function movementsOfProject(db: Executor, projectId: string) {
  const ack = (kind: string, idCol: string) =>
    sql<'accepted' | 'rejected' | 'pending' | null>`(select ra.status from registry_acknowledgements ra where ra.record_kind = ${kind} and ra.record_id = ${sql.ref(idCol)} order by ra.acknowledged_at desc, ra.imported_at desc limit 1)`;
  const [issuances, transfers, retirements] = await Promise.all([
    db.selectFrom('creditIssuances as i')
      .innerJoin('creditAccounts as a', 'a.id', 'i.accountId')
      .leftJoin('organisations as vo', 'vo.id', 'i.verifierOrganisationId')
      .innerJoin('submissions as s', 's.id', 'i.submissionId')
      .select(['i.id', 'i.vintage', 'i.serialStart', 'i.serialEnd', 'i.quantity', 'i.accountId', 'a.name as accountName', 'i.methodology', 'vo.name as verifierName', 's.verifiedAt', 'i.createdAt', ack('issuance', 'i.id').as('registryStatus')])
      .where('i.projectId', '=', projectId).execute(),
    db.selectFrom('creditTransfers as t')
      .innerJoin('creditAccounts as fa', 'fa.id', 't.fromAccountId')
      .innerJoin('creditAccounts as ta', 'ta.id', 't.toAccountId')
      .select(['t.id', 't.vintage', 't.serialStart', 't.serialEnd', 't.quantity', 't.fromAccountId', 'fa.name as fromName', 't.toAccountId', 'ta.name as toName', 't.createdAt', ack('transfer', 't.id').as('registryStatus')])
      .where('t.projectId', '=', projectId).execute(),
    db.selectFrom('creditRetirements as r')
      .innerJoin('creditAccounts as a', 'a.id', 'r.accountId')
      .select(['r.id', 'r.vintage', 'r.serialStart', 'r.serialEnd', 'r.quantity', 'r.accountId', 'a.name as accountName', 'r.beneficiary', 'r.reason', 'r.createdAt', ack('retirement', 'r.id').as('registryStatus')])
      .where('r.projectId', '=', projectId).execute(),
  ]);
  return { issuances, transfers, retirements };
}
