#!/usr/bin/env node
// Runs the test suite with Node's own test runner (TypeScript through tsx).
//   node scripts/run-tests.mjs            unit + integration (embedded PGlite, or DATABASE_URL if set) + browser
//   node scripts/run-tests.mjs --unit     unit tests only (pure code, no database)
//   node scripts/run-tests.mjs --int      integration tests only
//   node scripts/run-tests.mjs --e2e      browser journeys only (needs /usr/bin/chromium)
// Test files live beside the code: *.test.ts (unit), *.int.test.ts (integration), *.e2e.test.ts (browser).
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const args = new Set(process.argv.slice(2));
const only = ['--unit', '--int', '--e2e'].filter((a) => args.has(a));
const wants = (kind) => only.length === 0 || only.includes(`--${kind}`);

function findTests(dir, out = []) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) findTests(path, out);
    else if (name.endsWith('.test.ts')) out.push(relative(root, path));
  }
  return out;
}

const all = ['packages', 'apps', 'bench'].filter((d) => existsSync(join(root, d))).flatMap((d) => findTests(join(root, d)));
const kindOf = (f) => (f.endsWith('.e2e.test.ts') ? 'e2e' : f.endsWith('.int.test.ts') ? 'int' : 'unit');
const files = all.filter((f) => wants(kindOf(f))).sort();
if (files.length === 0) {
  console.error('no test files found');
  process.exit(1);
}
// Integration and browser tests share one database server; run files one at a time on 2 cores.
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter=spec', ...files],
  { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'test' } },
);
process.exit(result.status ?? 1);
