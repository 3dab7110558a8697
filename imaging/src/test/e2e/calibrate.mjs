// Measures detection of many targets with the real MindAR 1.2.5 runtime in ONE headless Chromium
// (pages/calibrate.html: the runtime's Controller on a synthetic posed camera, see there).
// usage: node calibrate.mjs JOBS.tsv OUT.jsonl [--poses all|frontal,tilt,...] [--max-frames N] [--port-base N]
//   JOBS.tsv: one target a line: id<TAB>image file<TAB>.mind file[<TAB>poses] (the image is what the camera sees;
//   the optional 4th column names that target's poses, comma-separated, instead of --poses)
//   OUT.jsonl: one JSON line per target {id, poses: [{pose, found, frames, ms}]}; targets already in it are skipped,
//   so an interrupted run resumes. Prints a summary JSON line at the end.
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => { const i = args.indexOf('--' + name); return i >= 0 ? args.splice(i, 2)[1] : fallback; };
const poseNames = option('poses', 'all');
const maxFrames = Number(option('max-frames', 30));
const portBase = Number(option('port-base', 18300));
const [jobsFile, outFile] = args;
if (!jobsFile || !outFile) { console.error('usage: node calibrate.mjs JOBS.tsv OUT.jsonl [--poses ...] [--max-frames N]'); process.exit(2); }

// The six camera poses of the calibration (scale = share of the frame the target fills head-on).
export const POSES = [
  { name: 'frontal', scale: 0.6, pitch: 0, yaw: 0, roll: 0 },
  { name: 'tilt', scale: 0.6, pitch: 35, yaw: 0, roll: 0 },
  { name: 'yaw', scale: 0.6, pitch: 5, yaw: -35, roll: 0 },
  { name: 'roll', scale: 0.5, pitch: 10, yaw: 10, roll: 30 },
  { name: 'far', scale: 0.3, pitch: 15, yaw: -10, roll: 5 },
  { name: 'near-moving', scale: 0.8, pitch: 20, yaw: -15, roll: 7, motion: true },
];
const posesNamed = (names) => names === 'all' ? POSES : names.split(',').map((n) => {
  const p = POSES.find((q) => q.name === n);
  if (!p) throw new Error('unknown pose ' + n);
  return p;
});
const poses = posesNamed(poseNames);

const jobs = fs.readFileSync(jobsFile, 'utf8').split('\n').filter((l) => l.trim()).map((l) => {
  const [id, image, mind, named] = l.split('\t');
  return { id, image: path.resolve(path.dirname(jobsFile), image), mind: path.resolve(path.dirname(jobsFile), mind),
    poses: named ? posesNamed(named.trim()) : poses };
});
const done = new Set();
if (fs.existsSync(outFile)) {
  for (const l of fs.readFileSync(outFile, 'utf8').split('\n')) if (l.trim()) done.add(JSON.parse(l).id);
}
const todo = jobs.filter((j) => !done.has(j.id));

let current = null;
const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://127.0.0.1');
  let file;
  if (url.pathname === '/job/image') file = current && current.image;
  else if (url.pathname === '/job/mind') file = current && current.mind;
  else {
    file = path.join(HERE, path.normalize(decodeURIComponent(url.pathname)).replace(/^([/\\]*\.\.)+/, ''));
    if (!file.startsWith(HERE)) { res.writeHead(403); res.end(); return; }
  }
  fs.readFile(file || '', (err, body) => {
    if (err) { res.writeHead(404); res.end(); return; }
    const type = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript' }[path.extname(file)];
    res.writeHead(200, { 'content-type': type || 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(body);
  });
});
let base = null;
for (let port = portBase; port < portBase + 100 && port <= 18399 && !base; port++) {
  const ok = await new Promise((resolve) => {
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => resolve(true));
  });
  if (ok) base = `http://127.0.0.1:${port}`;
}
if (!base) throw new Error('no free port in 18300-18399');

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'arv-calibrate-'));
const context = await chromium.launchPersistentContext(path.join(work, 'profile'), {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, viewport: { width: 640, height: 480 },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
    '--disable-background-timer-throttling', '--disable-renderer-backgrounding'],
});
const t0 = Date.now();
let measured = 0;
let page = null;
const openPage = async () => {
  if (page) await page.close().catch(() => {});
  page = await context.newPage();
  await page.goto(`${base}/pages/calibrate.html`);
  await page.waitForFunction(() => window.READY === true, null, { timeout: 120000 });
};
try {
  await openPage();
  for (const job of todo) {
    current = job;
    let results;
    try {
      results = await page.evaluate((a) => window.measure(a), { mind: '/job/mind', image: '/job/image', poses: job.poses, maxFrames });
    } catch (e) {
      // a crashed or wedged page: start a fresh one and try this target once more
      console.error(`calibrate: ${job.id}: ${String(e.message || e).slice(0, 300)}; retrying on a fresh page`);
      await openPage();
      results = await page.evaluate((a) => window.measure(a), { mind: '/job/mind', image: '/job/image', poses: job.poses, maxFrames });
    }
    fs.appendFileSync(outFile, JSON.stringify({ id: job.id, poses: results }) + '\n');
    measured++;
    if (measured % 10 === 0 || measured === todo.length) {
      console.error(`calibrate: ${measured}/${todo.length} targets in ${Math.round((Date.now() - t0) / 1000)} s`);
    }
    // a fresh page every 25 targets keeps WebGL memory bounded
    if (measured % 25 === 0) await openPage();
  }
} finally {
  await context.close().catch(() => {});
  server.close();
  fs.rmSync(work, { recursive: true, force: true });
}
console.log(JSON.stringify({ jobs: jobs.length, skipped: done.size, measured, seconds: Math.round((Date.now() - t0) / 1000) }));
