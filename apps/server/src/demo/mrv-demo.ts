/**
 * The demo's MRV, verification and credits, loaded after the registry and the diary (seed.ts):
 * - a crediting project of the Thới Lai cooperative, CTTL01, whose baseline is the practice the
 *   programme replaces: continuous flooding with the previous crop's straw incorporated shortly
 *   (< 30 days) before planting (Decision 1490/QĐ-TTg; IPCC 2019 Table 5.14 "straw incorporated
 *   shortly before cultivation"), at the amount of straw each plot recorded;
 * - a computed run for every demo season;
 * - one submission of the 20 plots along the Đòn Dong canal (CT-TL-041 … CT-TL-060, Đông Xuân
 *   2025–2026) submitted by the cooperative, reviewed by the commune officer, sampled (fixed seed, so
 *   every machine draws the same plots), checked and verified by the verifier;
 * - its credits issued by the province and five units retired for the rice mill.
 * The other 40 plots' seasons are left unsubmitted for people to try the workflow on.
 * Deterministic: a stepping clock from 25 March 2026 and a fixed sample seed.
 */
import { CREDITING_METHODOLOGY } from '@dongxanh/methodology';
import type { Database } from '../db/database.ts';
import { findUserByLogin } from '../modules/auth/auth.repository.ts';
import { actorFor } from '../modules/auth/auth.service.ts';
import { createCreditsService } from '../modules/credits/index.ts';
import { createDiaryService } from '../modules/diary/diary.service.ts';
import { createRunsService } from '../modules/mrv-runs/index.ts';
import { createVerificationService } from '../modules/verification/index.ts';
import type { Clock } from '../shared/clock.ts';

export const DEMO_PROJECT_CODE = 'CTTL01';
export const DEMO_SAMPLE_SEED = 20260325;
/** The demo's verified plots; the first twenty are left for trying the workflow. */
export const DEMO_VERIFIED_PLOTS = Array.from({ length: 20 }, (_, i) => `CT-TL-${String(41 + i).padStart(3, '0')}`);

/** A clock that moves one minute at each reading, so the demo's events keep their order everywhere. */
function steppingClock(startIso: string): Clock {
  let t = new Date(startIso).getTime();
  return { now: () => new Date((t += 60_000)) };
}

export async function seedDemoMrv(db: Database, log: (m: string) => void = () => {}) {
  const clock = steppingClock('2026-03-25T01:00:00Z');
  const diary = createDiaryService({ db, clock });
  const runs = createRunsService({ db, clock, diary });
  const verification = createVerificationService({ db, clock, runs, diary });
  const credits = createCreditsService({ db, clock });
  const as = async (login: string) => {
    const user = await findUserByLogin(db, login);
    if (!user) throw new Error(`demo user ${login} missing`);
    return actorFor(user, 'session');
  };
  const [province, commune, manager, verifier] = await Promise.all([as('0901000001'), as('0901000002'), as('0901000003'), as('0901000006')]);

  const coop = await db.selectFrom('organisations').select(['id', 'name']).where('kind', '=', 'cooperative').where('communeCode', '=', '31258').executeTakeFirstOrThrow();
  const project = await runs.createProject(province, {
    code: DEMO_PROJECT_CODE, name: 'Lúa phát thải thấp Thới Lai (Đề án 1 triệu ha)', provinceCode: '92', organisationIds: [coop.id], methodology: CREDITING_METHODOLOGY,
    gwpSet: 'AR5', baseline: { kind: 'fixed_practice', practice: { waterRegime: 'continuously_flooded', strawManagement: 'incorporated_lt30d', strawDmTPerHa: null } },
  });

  const seasons = await db.selectFrom('seasons as s').innerJoin('plots as p', 'p.id', 's.plotId').select(['s.id', 'p.code']).where('s.organisationId', '=', coop.id).orderBy('p.code').execute();
  for (const s of seasons) await runs.computeSeason(manager, s.id);

  const submission = await verification.create(manager, {
    title: 'Vụ Đông Xuân 2025–2026 – kênh Đòn Dong', periodStart: '2025-11-01', periodEnd: '2026-04-30',
    seasonIds: seasons.filter((s) => DEMO_VERIFIED_PLOTS.includes(s.code)).map((s) => s.id),
  });
  await verification.transition(manager, submission.id, 'submit');
  await verification.transition(commune, submission.id, 'review');
  const sampled = await verification.drawSample(verifier, submission.id, DEMO_SAMPLE_SEED);
  for (const seasonId of sampled.sample!.seasonIds) {
    await verification.recordFinding(verifier, submission.id, {
      seasonId, outcome: 'conforms',
      note: 'Kiểm tra thực địa: ống đo mực nước có tại ruộng, số đọc khớp nhật ký; rơm rạ xử lý đúng như ghi chép; ảnh có tọa độ trong thửa.',
    });
  }
  await verification.transition(verifier, submission.id, 'verify');
  const issued = await credits.issue(province, { submissionId: submission.id });
  await credits.retire(manager, {
    accountId: issued.accountId, projectId: project.id, vintage: issued.vintage, quantity: Math.min(5, issued.quantity),
    beneficiary: 'Công ty TNHH Xay xát Gạo Cờ Đỏ', reason: 'Bù trừ phát thải cho lô gạo xuất khẩu vụ Đông Xuân 2025–2026',
  });
  log(`demo MRV: project ${project.code}, ${seasons.length} runs, 1 verified submission of ${DEMO_VERIFIED_PLOTS.length} plots, ${issued.quantity} credits issued (${issued.serialRange}), ${Math.min(5, issued.quantity)} retired`);
  return { projectId: project.id, submissionId: submission.id, issued: issued.quantity };
}
