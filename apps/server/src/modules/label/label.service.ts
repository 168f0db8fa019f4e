/**
 * The "Phát thải thấp" label (capability 7): schemes, evaluations per season and per lot, and
 * certificates. Label quantity is held against harvested mass in the database
 * (label_season_balances, CHECK labelled_kg <= eligible_kg): a certificate for Q kg of a lot takes
 * Q × (harvest kg per kg of the lot) from its eligible source seasons with one conditional UPDATE per
 * season, so two certificates issued at the same moment cannot together exceed what was grown.
 */
import type { CertificateResponse, EvaluationResponse, IssueCertificateBody, LabelSchemeResponse, SeasonFactsResponse } from '@dongxanh/contracts';
import { LabelCriterion as LabelCriterionSchema } from '@dongxanh/contracts';
import { sql, type SqlBool } from 'kysely';
import type { Database, Executor } from '../../db/database.ts';
import type { Clock } from '../../shared/clock.ts';
import { DomainError, fieldError, notFound, type ErrorText } from '../../shared/errors.ts';
import { message, word, type MessageParam } from '../../shared/messages.ts';
import { assertCan, type Actor } from '../auth/permissions.ts';
import { visibleTo } from '../auth/scope.ts';
import { organisationVisibleTo } from '../registry/registry-scope.ts';
import { practicesOf } from '../traceability/practices.ts';
import { computeFromFacts, storedRunEmissions } from '../traceability/season-emissions.ts';
import { findLot, originsOf } from '../traceability/traceability.repository.ts';
import { combineSeasonResults, evaluateSeason, type SeasonLabelFacts } from './criteria.ts';

export type LabelDeps = {
  db: Database;
  clock: Clock;
  /** The diary's derived facts of a season the actor may see (404 otherwise). */
  seasonFacts: (actor: Actor, seasonId: string) => Promise<SeasonFactsResponse>;
  onPublicChange?: () => void;
};

const ruleViolated = (path: string, text: ErrorText) => new DomainError('rule_violated', text, { errors: [fieldError(path, text)] });
/** A mass in a message: 1,234.5 kg in English, 1.234,5 kg in Vietnamese. */
const kg = (n: number): MessageParam => ({ number: n, maxDigits: 3, unit: 'kg' });

function presentScheme(s: { id: string; code: string; nameVi: string; nameEn: string; owner: string; cropKind: string | null; criteria: unknown[]; basis: string; version: number }): LabelSchemeResponse {
  return { ...s, criteria: s.criteria.map((c) => LabelCriterionSchema.parse(c)) };
}

export function createLabelService(deps: LabelDeps) {
  const { db, clock } = deps;

  async function scheme(id: string) {
    const s = await db.selectFrom('labelSchemes').selectAll().where('id', '=', id).executeTakeFirst();
    if (!s) throw notFound('Label scheme', id);
    return presentScheme(s);
  }

  /**
   * What the criteria need of each season. A season evaluated on its own must be visible to the actor
   * (404 otherwise); seasons reached through a lot the actor sees are read from what the harvest lot
   * stored (emissions, practices), refreshed by stored MRV runs and their verification where present.
   */
  async function seasonFacts(actor: Actor, seasonIds: readonly string[], via: 'season' | 'lot'): Promise<SeasonLabelFacts[]> {
    const runs = await storedRunEmissions(db, seasonIds);
    const out: SeasonLabelFacts[] = [];
    for (const id of seasonIds) {
      let q = db
        .selectFrom('seasons as s')
        .innerJoin('crops as c', 'c.code', 's.cropCode')
        .select(['s.id', 's.plotId', 's.variety', 's.provinceCode', 'c.kind as cropKind'])
        .where('s.id', '=', id);
      if (via === 'season') q = q.where(visibleTo(actor, 's'));
      const season = await q.executeTakeFirst();
      if (!season) throw notFound('Season', id);
      const stored = await db.selectFrom('traceSeasonSources').select(['practices', 'co2eT', 'baselineCo2eT', 'verified']).where('seasonId', '=', id).executeTakeFirst();
      let emission = runs.get(id) ?? (stored ? { co2eT: stored.co2eT, baselineCo2eT: stored.baselineCo2eT, verified: stored.verified } : undefined);
      let practices = stored?.practices;
      if (!emission || !practices) {
        const facts = await deps.seasonFacts(actor, id);
        emission ??= { ...computeFromFacts(facts), verified: false };
        practices ??= practicesOf(facts, season.variety);
      }
      const codes = await db
        .selectFrom('growingAreaPlots as gp')
        .innerJoin('growingAreaCodes as gc', 'gc.growingAreaId', 'gp.growingAreaId')
        .select('gc.code')
        .where('gp.plotId', '=', season.plotId)
        .where('gc.status', '=', 'active')
        .execute();
      const flags = await db
        .selectFrom('complianceFlags')
        .select(sql<number>`count(*)`.as('n'))
        .where('seasonId', '=', id)
        .where('provinceCode', '=', season.provinceCode)
        .where('resolvedAt', 'is', null)
        .executeTakeFirstOrThrow();
      out.push({
        seasonId: id, cropKind: season.cropKind, variety: season.variety, co2eT: emission.co2eT, baselineCo2eT: emission.baselineCo2eT, verified: emission.verified,
        practices, growingAreaCodes: codes.map((c) => c.code), openComplianceFlags: flags.n,
      });
    }
    return out;
  }

  async function storeEvaluation(tx: Executor, actor: Actor, e: { schemeId: string; subject: 'season' | 'lot'; seasonId: string | null; lotId: string | null; provinceCode: string; organisationId: string | null; eligible: boolean; results: unknown[] }) {
    return tx
      .insertInto('labelEvaluations')
      .values({ ...e, results: JSON.stringify(e.results), evaluatedBy: actor.userId })
      .returning(['id', 'evaluatedAt'])
      .executeTakeFirstOrThrow();
  }

  /** Keeps each evaluated season's eligible kg current (never below what labels already took). */
  async function updateBalances(tx: Executor, schemeId: string, seasons: ReadonlyArray<{ seasonId: string; eligible: boolean }>) {
    for (const s of seasons) {
      const source = await tx.selectFrom('traceSeasonSources').select(['provinceCode', 'harvestedKg']).where('seasonId', '=', s.seasonId).executeTakeFirst();
      if (!source) continue; // not harvested into a lot yet: nothing to label
      const eligibleKg = s.eligible ? source.harvestedKg : 0;
      await tx
        .insertInto('labelSeasonBalances')
        .values({ seasonId: s.seasonId, provinceCode: source.provinceCode, schemeId, eligibleKg })
        .onConflict((oc) => oc.columns(['seasonId', 'schemeId']).doUpdateSet({ eligibleKg: sql`greatest(label_season_balances.labelled_kg, ${eligibleKg})`, updatedAt: clock.now() }))
        .execute();
    }
  }

  async function evaluateLotIn(actor: Actor, schemeId: string, lotId: string) {
    const s = await scheme(schemeId);
    const lot = await findLot(db, actor, lotId);
    if (!lot) throw notFound('Lot', lotId);
    const origins = await originsOf(db, [lot.id]);
    const facts = await seasonFacts(actor, origins.map((o) => o.seasonId), 'lot');
    // The harvest a label on this lot draws on (main-product attribution, allocation.ts).
    const seasons = facts.map((f) => ({ seasonId: f.seasonId, harvestedKg: origins.find((o) => o.seasonId === f.seasonId)!.labelKg, ...evaluateSeason(s.criteria, f) }));
    const results = combineSeasonResults(s.criteria, seasons);
    const totalOrigin = seasons.reduce((sum, x) => sum + x.harvestedKg, 0);
    const eligibleOrigin = seasons.filter((x) => x.eligible).reduce((sum, x) => sum + x.harvestedKg, 0);
    const eligibleKg = totalOrigin > 0 ? (lot.massKg * eligibleOrigin) / totalOrigin : 0;
    return { scheme: s, lot, origins, seasons, results, eligible: seasons.length > 0 && seasons.every((x) => x.eligible), eligibleKg, totalOrigin };
  }

  return {
    async listSchemes(actor: Actor): Promise<LabelSchemeResponse[]> {
      assertCan(actor, 'registry:read');
      return (await db.selectFrom('labelSchemes').selectAll().orderBy('code').execute()).map(presentScheme);
    },

    async evaluate(actor: Actor, body: { schemeId: string; seasonId?: string | undefined; lotId?: string | undefined }): Promise<EvaluationResponse> {
      assertCan(actor, 'label:evaluate');
      if (body.seasonId) {
        const s = await scheme(body.schemeId);
        const [f] = await seasonFacts(actor, [body.seasonId], 'season');
        const r = evaluateSeason(s.criteria, f!);
        const season = await db.selectFrom('seasons').select(['provinceCode', 'organisationId']).where('id', '=', body.seasonId).executeTakeFirstOrThrow();
        const source = await db.selectFrom('traceSeasonSources').select('harvestedKg').where('seasonId', '=', body.seasonId).executeTakeFirst();
        const stored = await db.transaction().execute(async (tx) => {
          await updateBalances(tx, s.id, [{ seasonId: body.seasonId!, eligible: r.eligible }]);
          return storeEvaluation(tx, actor, { schemeId: s.id, subject: 'season', seasonId: body.seasonId!, lotId: null, provinceCode: season.provinceCode, organisationId: season.organisationId, eligible: r.eligible, results: r.results });
        });
        return {
          id: stored.id, schemeId: s.id, subject: 'season', seasonId: body.seasonId, lotId: null, eligible: r.eligible, results: r.results,
          seasons: [{ seasonId: body.seasonId, eligible: r.eligible, harvestedKg: source?.harvestedKg ?? 0, results: r.results }], eligibleKg: r.eligible ? source?.harvestedKg ?? 0 : 0,
          evaluatedAt: stored.evaluatedAt.toISOString(),
        };
      }
      const e = await evaluateLotIn(actor, body.schemeId, body.lotId!);
      const stored = await db.transaction().execute(async (tx) => {
        await updateBalances(tx, e.scheme.id, e.seasons);
        return storeEvaluation(tx, actor, { schemeId: e.scheme.id, subject: 'lot', seasonId: null, lotId: e.lot.id, provinceCode: e.lot.provinceCode, organisationId: e.lot.organisationId, eligible: e.eligible, results: e.results });
      });
      return {
        id: stored.id, schemeId: e.scheme.id, subject: 'lot', seasonId: null, lotId: e.lot.id, eligible: e.eligible, results: e.results,
        seasons: e.seasons.map((x) => ({ seasonId: x.seasonId, eligible: x.eligible, harvestedKg: x.harvestedKg, results: x.results })),
        eligibleKg: e.eligibleKg, evaluatedAt: stored.evaluatedAt.toISOString(),
      };
    },

    async issueCertificate(actor: Actor, body: IssueCertificateBody): Promise<CertificateResponse> {
      assertCan(actor, 'label:certify');
      if (body.validTo < body.validFrom) throw ruleViolated('validTo', message('label.endsBeforeStart'));
      const holder = await db.selectFrom('organisations as o').select(['o.id', 'o.provinceCode']).where('o.id', '=', body.holderOrganisationId).where(organisationVisibleTo(actor, 'o')).executeTakeFirst();
      if (!holder) throw notFound('Organisation', body.holderOrganisationId);
      let id: string;
      if (body.kind === 'low_emission') {
        if (!body.schemeId) throw ruleViolated('schemeId', message('label.needsScheme'));
        if (!body.lotId) throw ruleViolated('lotId', message('label.needsLot'));
        if (!body.quantityKg) throw ruleViolated('quantityKg', message('label.needsQuantity'));
        // Evaluate now: a certificate is never issued on a stale result.
        const e = await evaluateLotIn(actor, body.schemeId, body.lotId);
        if (e.lot.organisationId !== holder.id) throw ruleViolated('lotId', message('label.lotNotHolders', { code: e.lot.code, owner: e.lot.organisationName }));
        const failing = e.results.filter((r) => !r.passed);
        if (e.eligibleKg <= 0) throw new DomainError('rule_violated', message('label.notMet', { code: e.lot.code, scheme: { en: e.scheme.nameEn, vi: e.scheme.nameVi }, failing: failing.map((r) => `${r.criterion.kind} (${r.detail})`).join('; ') }), { errors: failing.map((r) => ({ path: `criteria.${r.criterion.kind}`, message: r.detail })), results: e.results });
        if (body.quantityKg > e.eligibleKg + 1e-6) throw ruleViolated('quantityKg', message('label.tooMuch', { code: e.lot.code, eligible: kg(e.eligibleKg), wanted: kg(body.quantityKg) }));
        const quantityKg = body.quantityKg;
        const eligibleSeasons = e.seasons.filter((s) => s.eligible);
        const eligibleOrigin = eligibleSeasons.reduce((s, x) => s + x.harvestedKg, 0);
        id = await db.transaction().execute(async (tx) => {
          await updateBalances(tx, e.scheme.id, e.seasons);
          const cert = await tx
            .insertInto('labelCertificates')
            .values({
              number: body.number, kind: 'low_emission', schemeId: e.scheme.id, holderOrganisationId: holder.id, lotId: e.lot.id, growingAreaId: null, scope: body.scope,
              issuer: body.issuer, quantityKg, validFrom: body.validFrom, validTo: body.validTo, statusReason: null, provinceCode: holder.provinceCode, createdBy: actor.userId, updatedBy: null, updatedAt: null,
            })
            .onConflict((oc) => oc.column('number').doNothing())
            .returning('id')
            .executeTakeFirst();
          if (!cert) throw new DomainError('conflict', message('label.numberUsed', { number: body.number }), { errors: [fieldError('number', message('field.alreadyUsed'))] });
          // Harvest kg per kg of this lot, taken from the eligible seasons in proportion.
          const harvestPerKg = e.totalOrigin / e.lot.massKg;
          for (const s of eligibleSeasons) {
            const take = Math.round(quantityKg * harvestPerKg * (s.harvestedKg / eligibleOrigin) * 1000) / 1000;
            if (take <= 0) continue;
            const taken = await tx
              .updateTable('labelSeasonBalances')
              .set({ labelledKg: sql`labelled_kg + ${take}`, updatedAt: clock.now() })
              .where('seasonId', '=', s.seasonId)
              .where('schemeId', '=', e.scheme.id)
              .where(sql<SqlBool>`labelled_kg + ${take} <= eligible_kg`)
              .returning('labelledKg')
              .executeTakeFirst();
            if (!taken) {
              const b = await tx.selectFrom('labelSeasonBalances').select(['eligibleKg', 'labelledKg']).where('seasonId', '=', s.seasonId).where('schemeId', '=', e.scheme.id).executeTakeFirst();
              throw ruleViolated('quantityKg', message('label.exceedsHarvest', { eligible: kg(b?.eligibleKg ?? 0), labelled: kg(b?.labelledKg ?? 0), more: kg(take) }));
            }
            await tx.insertInto('labelCertificateAllocations').values({ certificateId: cert.id, seasonId: s.seasonId, schemeId: e.scheme.id, harvestedKg: take }).execute();
          }
          await tx.insertInto('labelCertificateHistory').values({ certificateId: cert.id, status: 'active', reason: null, changedBy: actor.userId }).execute();
          return cert.id;
        });
      } else {
        if (!body.growingAreaId && !body.lotId) throw ruleViolated('growingAreaId', message('label.areaOrLot'));
        if (body.growingAreaId) {
          const area = await db.selectFrom('growingAreas as g').select('g.id').where('g.id', '=', body.growingAreaId).where(visibleTo(actor, 'g', null)).executeTakeFirst();
          if (!area) throw notFound('Growing area', body.growingAreaId);
        }
        if (body.lotId && !(await findLot(db, actor, body.lotId))) throw notFound('Lot', body.lotId);
        id = await db.transaction().execute(async (tx) => {
          const cert = await tx
            .insertInto('labelCertificates')
            .values({
              number: body.number, kind: body.kind, schemeId: null, holderOrganisationId: holder.id, lotId: body.lotId ?? null, growingAreaId: body.growingAreaId ?? null,
              scope: body.scope, issuer: body.issuer, quantityKg: body.quantityKg ?? null, validFrom: body.validFrom, validTo: body.validTo, statusReason: null,
              provinceCode: holder.provinceCode, createdBy: actor.userId, updatedBy: null, updatedAt: null,
            })
            .onConflict((oc) => oc.column('number').doNothing())
            .returning('id')
            .executeTakeFirst();
          if (!cert) throw new DomainError('conflict', message('label.numberUsed', { number: body.number }), { errors: [fieldError('number', message('field.alreadyUsed'))] });
          await tx.insertInto('labelCertificateHistory').values({ certificateId: cert.id, status: 'active', reason: null, changedBy: actor.userId }).execute();
          return cert.id;
        });
      }
      deps.onPublicChange?.();
      return this.getCertificate(actor, id);
    },

    async changeStatus(actor: Actor, id: string, status: 'active' | 'suspended' | 'revoked', reason: string): Promise<CertificateResponse> {
      const current = await this.getCertificate(actor, id);
      assertCan(actor, 'label:certify');
      if (current.status === 'revoked') throw new DomainError('conflict', message('label.revokedFinal', { number: current.number }));
      if (current.status === status) throw new DomainError('conflict', message('label.alreadyStatus', { number: current.number, status: word(status) }));
      await db.transaction().execute(async (tx) => {
        await tx.updateTable('labelCertificates').set({ status, statusReason: reason, updatedBy: actor.userId, updatedAt: clock.now() }).where('id', '=', id).execute();
        await tx.insertInto('labelCertificateHistory').values({ certificateId: id, status, reason, changedBy: actor.userId }).execute();
      });
      deps.onPublicChange?.();
      return this.getCertificate(actor, id);
    },

    async getCertificate(actor: Actor, id: string): Promise<CertificateResponse> {
      assertCan(actor, 'registry:read');
      const [c] = await certificates(db, actor, { id });
      if (!c) throw notFound('Certificate', id);
      return c;
    },

    async listCertificates(actor: Actor, filter: { lotId?: string | undefined }) {
      assertCan(actor, 'registry:read');
      return { items: await certificates(db, actor, filter) };
    },
  };
}
export type LabelService = ReturnType<typeof createLabelService>;

async function certificates(db: Executor, actor: Actor, f: { id?: string; lotId?: string | undefined }): Promise<CertificateResponse[]> {
  let q = db
    .selectFrom('labelCertificates as c')
    .innerJoin('organisations as o', 'o.id', 'c.holderOrganisationId')
    .leftJoin('labelSchemes as s', 's.id', 'c.schemeId')
    .leftJoin('traceLots as l', 'l.id', 'c.lotId')
    .select([
      'c.id', 'c.number', 'c.kind', 'c.schemeId', 's.nameVi as schemeName', 'c.holderOrganisationId', 'o.name as holderName', 'c.lotId', 'l.code as lotCode', 'c.growingAreaId',
      'c.scope', 'c.issuer', 'c.quantityKg', 'c.validFrom', 'c.validTo', 'c.status', 'c.statusReason',
    ])
    .where(organisationVisibleTo(actor, 'o'));
  if (f.id) q = q.where('c.id', '=', f.id);
  if (f.lotId) q = q.where('c.lotId', '=', f.lotId);
  const rows = await q.orderBy('c.createdAt', 'desc').limit(500).execute();
  const history = rows.length ? await db.selectFrom('labelCertificateHistory').select(['certificateId', 'status', 'reason', 'changedAt']).where('certificateId', 'in', rows.map((r) => r.id)).orderBy('id').execute() : [];
  return rows.map((r) => ({ ...r, history: history.filter((h) => h.certificateId === r.id).map((h) => ({ status: h.status, reason: h.reason, changedAt: h.changedAt.toISOString() })) }));
}
