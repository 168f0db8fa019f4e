/**
 * `dongxanh mrv recalc --province NN | --commune NNNNN [--source diary|snapshots] [--resume JOB_ID]`:
 * recalculates every season of a province or commune in this process, with progress on stderr. A job
 * stopped by a crash is resumed from its checkpoint with --resume (`mrv recalc --list-interrupted`
 * lists them). Exit 0 done, 1 failed, 2 invalid input.
 */
import { parseArgs } from 'node:util';
import { CreateRecalculationBody, type RecalculationResponse } from '@dongxanh/contracts';
import type { Recalculations } from './recalculation.ts';

export async function recalcCommand(args: string[], withRecalculations: <T>(run: (r: Recalculations) => Promise<T>) => Promise<T>, log: (m: string) => void): Promise<number> {
  const { values } = parseArgs({ args, options: { province: { type: 'string' }, commune: { type: 'string' }, source: { type: 'string' }, resume: { type: 'string' }, 'list-interrupted': { type: 'boolean' } } });
  if (values['list-interrupted']) {
    return withRecalculations(async (r) => {
      const jobs = await r.interrupted();
      for (const j of jobs) console.log(`${j.id}  ${j.scopeKind} ${j.scopeCode}  ${j.processed}/${j.total ?? '?'}`);
      if (jobs.length === 0) console.log('no interrupted recalculation');
      return 0;
    });
  }
  const parsed = CreateRecalculationBody.safeParse({ provinceCode: values.province, communeCode: values.commune, source: values.source });
  if (!parsed.success && !values.resume) {
    for (const issue of parsed.error.issues) console.error(`invalid ${issue.path.join('.') || 'input'}: ${issue.message}`);
    console.error('usage: dongxanh mrv recalc --province NN | --commune NNNNN [--source diary|snapshots] | --resume JOB_ID | --list-interrupted');
    return 2;
  }
  const started = Date.now();
  let lastReport = 0;
  const report = (job: RecalculationResponse) => {
    if (Date.now() - lastReport < 1000 && job.status === 'running') return;
    lastReport = Date.now();
    const rate = job.processed / Math.max(0.001, (Date.now() - started) / 1000);
    log(`recalc ${job.scopeKind} ${job.scopeCode}: ${job.processed.toLocaleString('vi-VN')} / ${(job.total ?? 0).toLocaleString('vi-VN')} (${job.percent.toLocaleString('vi-VN')} %), ${Math.round(rate).toLocaleString('vi-VN')} vụ/s`);
  };
  return withRecalculations(async (r) => {
    const body = parsed.success ? parsed.data : { source: 'diary' as const, provinceCode: '00' };
    const job = await r.runNow(body, report, values.resume);
    console.log(`recalculation ${job.id} ${job.status}: ${job.computed} runs computed, ${job.skipped} seasons skipped (incomplete facts), method ${job.methodVersion}, factors ${job.factorTableVersion}`);
    return job.status === 'succeeded' ? 0 : 1;
  });
}
