/**
 * The calculator over HTTP and on the command line gives the library's results: every published
 * example matches to 1e-6 through `POST /api/v1/mrv/calculate` and through `dongxanh mrv calc`, and
 * invalid input is refused the contract's way (422 problem+json / exit code 2).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { calculate } from '@dongxanh/methodology';
import { assertMatchesExample, readExamples } from '../../../../../packages/methodology/testing/published-examples.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';

const examples = readExamples();
const cli = fileURLToPath(new URL('../../../bin/dongxanh.js', import.meta.url));

function runCli(args: string[], stdin?: string) {
  const r = spawnSync(process.execPath, [cli, ...args], { input: stdin, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('POST /api/v1/mrv/calculate', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => t.close());

  for (const example of examples) {
    it(`${example.id} matches the published values`, async () => {
      const res = await t.request({ method: 'POST', url: '/api/v1/mrv/calculate', payload: example.inputs as object });
      const body = res.json();
      if (body.error) {
        assert.equal(res.statusCode, 422);
        assert.match(String(res.headers['content-type']), /application\/problem\+json/);
      } else {
        assert.equal(res.statusCode, 200);
      }
      assertMatchesExample(example, body);
    });
  }

  it('gives exactly the library result (same numbers, same factors cited)', async () => {
    const input = examples.find((e) => e.id === 'CMP-01')!.inputs;
    const res = await t.request({ method: 'POST', url: '/api/v1/mrv/calculate', payload: input as object });
    assert.deepEqual(res.json(), JSON.parse(JSON.stringify(calculate(input))));
  });

  it('refuses an unknown water regime with 422 naming the key, in problem+json', async () => {
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/mrv/calculate',
      payload: { area_ha: 1, seasons: [{ cultivation_days: 100, water_regime: 'flooded', pre_season: 'non_flooded_lt_180d' }] },
    });
    assert.equal(res.statusCode, 422);
    const body = res.json();
    assert.equal(body.error, 'INVALID_INPUT');
    assert.match(body.message, /^seasons\[0\]\.water_regime must be one of/);
    assert.equal(body.status, 422);
    assert.ok(body.requestId);
  });

  it('refuses a body that is not JSON with a problem naming the body', async () => {
    const res = await t.request({ method: 'POST', url: '/api/v1/mrv/calculate', payload: '{not json', headers: { 'content-type': 'application/json' } });
    assert.equal(res.statusCode, 400);
    assert.match(String(res.headers['content-type']), /application\/problem\+json/);
  });

  it('lists the factor table with sources', async () => {
    const res = await t.request({ method: 'GET', url: '/api/v1/mrv/factors' });
    const sfw = res.json().factors.find((f: { id: string }) => f.id === 'sfw.multiple_drainage');
    assert.equal(sfw.value, 0.55);
    assert.match(sfw.source, /Table 5\.12/);
  });
});

describe('dongxanh mrv calc', () => {
  for (const example of examples) {
    it(`${example.id} on standard input matches the published values`, () => {
      const r = runCli(['mrv', 'calc'], JSON.stringify(example.inputs));
      const out = JSON.parse(r.stdout);
      assert.equal(r.code, out.error ? 2 : 0, r.stderr);
      assertMatchesExample(example, out);
    });
  }

  it('reads --file and exits 2 with the error document on invalid input', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dx-mrv-'));
    const file = join(dir, 'input.json');
    writeFileSync(file, JSON.stringify({ area_ha: 1, seasons: [{ crop: 'rice', cultivation_days: 100, water_regime: 'awd', pre_season: 'non_flooded_lt_180d', residue_burning: { residue_dm_t_per_ha: 5, burned_fraction: 1.5 } }] }));
    const r = runCli(['mrv', 'calc', '--file', file]);
    assert.equal(r.code, 2);
    assert.deepEqual(JSON.parse(r.stdout), {
      error: 'INVALID_INPUT',
      message: 'seasons[0].residue_burning.burned_fraction must be <= 1 (got 1.5)',
      field: 'seasons[0].residue_burning.burned_fraction',
    });
  });

  it('exits 2 on text that is not JSON', () => {
    const r = runCli(['mrv', 'calc'], 'area_ha=1');
    assert.equal(r.code, 2);
    assert.equal(JSON.parse(r.stdout).error, 'INVALID_INPUT');
  });
});
