/**
 * The public QR page under load, against a bare static endpoint of the same server.
 *
 *   node --import tsx bench/public-page.bench.ts [--requests=60000] [--seconds=20] [--concurrency=32]
 *   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node --import tsx bench/public-page.bench.ts
 *
 * This process starts the real server (apps/server/src/testing/e2e-server.ts: a fresh database with
 * the Cần Thơ demo, whose traced lot has 24 packed bags, and the built web app) on an ephemeral port of
 * 127.0.0.1, then runs the load from a SECOND process (this file with --client), so client and server
 * do not share an event loop. The client keeps `concurrency` keep-alive connections busy, sends a
 * bounded number of requests (stopping early at the time bound), and records every latency:
 *
 *   (a) static — GET /icon.svg served by @fastify/static from the built web app (skipped without a
 *                built web app), and GET of an unknown API route, answered by the app's problem+json
 *                404 handler from memory: what this server does per request with no work of ours. The
 *                faster of the two is the ceiling the page is compared with.
 *   (b) page   — GET /p/01/<GTIN>/10/<lot>/21/<serial> for the demo's bags in turn (24 Digital Links),
 *                the HTML page a consumer's phone gets after scanning a QR code.
 *
 * Each run is preceded by an untimed warm-up (every page rendered once, JIT warm). Reported: requests/s,
 * p50, p99 and max latency, and page ÷ static for each. Target: ≥ 2 000 requests/s and p99 < 50 ms
 * for (b) on this 2-core machine, where client and server share the two cores. Loopback only; the
 * loops are bounded in count and time and stop by themselves.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

interface Result { requests: number; errors: number; seconds: number; rps: number; p50: number; p99: number; max: number }

const arg = (name: string, fallback: number) => {
  const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
  return hit ? Number(hit.split('=')[1]) : fallback;
};

async function client(base: string, paths: string[], requests: number, seconds: number, concurrency: number): Promise<Result> {
  const url = new URL(base);
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const get = (path: string) =>
    new Promise<number>((resolve, reject) => {
      const req = http.get({ agent, host: url.hostname, port: url.port, path }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
    });
  // Warm-up: every path a few times.
  for (let i = 0; i < 3; i++) await Promise.all(paths.map(get));
  for (let i = 0; i < 500; i++) await get(paths[i % paths.length]!);
  const latencies: number[] = [];
  let sent = 0;
  let errors = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const worker = async () => {
    while (sent < requests && performance.now() < deadline) {
      const path = paths[sent++ % paths.length]!;
      const t0 = performance.now();
      const status = await get(path).catch(() => 0);
      latencies.push(performance.now() - t0);
      if (status !== 200) errors++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0;
  return { requests: latencies.length, errors, seconds: elapsed, rps: latencies.length / elapsed, p50: q(0.5), p99: q(0.99), max: latencies.at(-1) ?? 0 };
}

function runClient(base: string, paths: string[], requests: number, seconds: number, concurrency: number): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--client', JSON.stringify({ base, paths, requests, seconds, concurrency })], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as Result) : reject(new Error(`client exited with ${code}`))));
  });
}

const fmt = (r: Result) => `${r.rps.toFixed(0).padStart(6)} req/s  p50 ${r.p50.toFixed(2)} ms  p99 ${r.p99.toFixed(2)} ms  max ${r.max.toFixed(1)} ms  (${r.requests} requests in ${r.seconds.toFixed(1)} s, ${r.errors} errors)`;

async function main() {
  const requests = arg('requests', 60_000);
  const seconds = arg('seconds', 20);
  const concurrency = arg('concurrency', 32);
  const { startE2eServer } = await import('../apps/server/src/testing/e2e-server.ts');
  console.log('starting the server with the demo (fresh database)…');
  const server = await startE2eServer();
  try {
    const lots = await (await fetch(`${server.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: '0901000007', password: 'dongxanh2026' }) })).headers.get('set-cookie');
    const cookie = lots?.split(';')[0] ?? '';
    const units = (await (await fetch(`${server.url}/api/v1/lots?kind=unit&pageSize=100`, { headers: { cookie } })).json()) as { items: Array<{ digitalLink: string | null }> };
    const pages = units.items.map((u) => new URL(u.digitalLink!).pathname);
    if (!pages.length) throw new Error('the demo has no packed units');
    const webBuilt = existsSync(fileURLToPath(new URL('../apps/web/dist/icon.svg', import.meta.url)));
    console.log(`server ${server.url}; ${pages.length} public pages, e.g. ${pages[0]}`);
    console.log(`load: ${requests} requests or ${seconds} s each, ${concurrency} keep-alive connections, from a second process on loopback`);
    const statics: Array<[string, Result]> = [];
    if (webBuilt) statics.push(['/icon.svg (static file)', await runClient(server.url, ['/icon.svg'], requests, seconds, concurrency)]);
    const notFound = await runClient(server.url, ['/api/v1/__no-such-route'], requests, seconds, concurrency);
    notFound.errors = 0; // 404 is the expected answer there
    statics.push(['404 problem+json', notFound]);
    const page = await runClient(server.url, pages, requests, seconds, concurrency);
    for (const [name, r] of statics) console.log(`(a) ${name.padEnd(24)} ${fmt(r)}`);
    console.log(`(b) ${'public page'.padEnd(24)} ${fmt(page)}`);
    const bare = statics.reduce((best, [, r]) => (r.rps > best.rps ? r : best), statics[0]![1]);
    console.log(`page ÷ fastest static: ${(page.rps / bare.rps).toFixed(2)} of the requests/s, p99 × ${(page.p99 / bare.p99).toFixed(2)}`);
    const met = page.rps >= 2000 && page.p99 < 50 && page.errors === 0;
    console.log(`target ≥ 2 000 req/s and p99 < 50 ms for the public page: ${met ? 'met' : 'NOT met'}`);
  } finally {
    await server.close();
  }
}

if (process.argv.includes('--client')) {
  const spec = JSON.parse(process.argv[process.argv.indexOf('--client') + 1]!) as { base: string; paths: string[]; requests: number; seconds: number; concurrency: number };
  client(spec.base, spec.paths, spec.requests, spec.seconds, spec.concurrency).then((r) => process.stdout.write(JSON.stringify(r)), (err: unknown) => { console.error(err); process.exit(1); });
} else {
  main().then(() => process.exit(0), (err: unknown) => { console.error(err); process.exit(1); });
}
