// Shows IMAGE to the real MindAR 1.2.5 runtime (headless Chromium, fake camera) and reports, for each
// .mind file, whether target 0 is found and how far the runtime's target corners are from the truth.
// usage: node track.mjs IMAGE MIND [MIND...] [--timeout S] [--pitch DEG] [--yaw DEG] [--scale F] [--port-base N]
// prints one JSON line: {truth, results: [{mind, found, msToFound, frames, cornerErrorPx, error}]}
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => { const i = args.indexOf('--' + name); return i >= 0 ? args.splice(i, 2)[1] : fallback; };
const timeoutMs = Number(option('timeout', 30)) * 1000;
const pitch = Number(option('pitch', 20));
const yaw = Number(option('yaw', -15));
const scaleOption = option('scale', null);
const portBase = Number(option('port-base', 18300));
const [image, ...minds] = args;
if (!image || minds.length === 0) { console.error('usage: node track.mjs IMAGE MIND [MIND...]'); process.exit(2); }

const FW = 640, FH = 480;
const deg = (d) => (d * Math.PI) / 180;

function imageSize(file) {
  const r = spawnSync('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=width,height', '-of', 'csv=p=0', file], { encoding: 'utf8' });
  const [w, h] = r.stdout.trim().split(',').map(Number);
  if (!w || !h) throw new Error('ffprobe cannot read ' + file);
  return [w, h];
}

// The poster (the image, centred at the origin, y down) tilted by pitch about x and yaw about y, at the
// distance where its height covers `scale` of the frame, seen by a pinhole camera with MindAR's default
// 45 degree vertical field of view.
function camera(W, H) {
  // default: 60 % of the frame height, less for wide images so the tilted poster stays inside the frame
  const scale = scaleOption != null ? Number(scaleOption) : Math.min(0.6, (0.6 * 1.33 * H) / W);
  const f = FH / 2 / Math.tan(deg(45) / 2);
  const Z = (f * H) / (scale * FH);
  const [cp, sp, cy, sy] = [Math.cos(deg(pitch)), Math.sin(deg(pitch)), Math.cos(deg(yaw)), Math.sin(deg(yaw))];
  return ([mx, my]) => {
    const x = cy * mx, z = -sy * mx;
    const X = x, Y = cp * my - sp * z, Zc = sp * my + cp * z + Z;
    return [FW / 2 + (f * X) / Zc, FH / 2 + (f * Y) / Zc];
  };
}

// ffmpeg: fit the image into a transparent 640x480 canvas, warp the canvas corners to where the pose puts
// them (perspective, sense=destination), lay it over a grey background; 4 s of y4m as the fake camera.
function buildVideo(file, out) {
  const [W, H] = imageSize(file);
  const k = Math.min((FW - 40) / W, (FH - 40) / H);
  const tw = Math.round((W * k) / 2) * 2, th = Math.round((H * k) / 2) * 2;
  const ox = (FW - tw) / 2, oy = (FH - th) / 2;
  const project = camera(W, H);
  const toTarget = ([x, y]) => [((x - ox) * W) / tw - W / 2, ((y - oy) * H) / th - H / 2];
  const dst = [[0, 0], [FW, 0], [0, FH], [FW, FH]].map((c) => project(toTarget(c)));
  const warp = dst.map(([x, y], i) => `x${i}=${x.toFixed(2)}:y${i}=${y.toFixed(2)}`).join(':');
  const graph = `[0:v]scale=${tw}:${th},format=rgba,pad=${FW}:${FH}:${ox}:${oy}:color=black@0,perspective=${warp}:sense=destination[p];`
    + `[1:v][p]overlay=0:0:shortest=1,format=yuv420p[v]`;
  const r = spawnSync('ffmpeg', ['-y', '-hide_banner', '-loglevel', 'error', '-loop', '1', '-framerate', '15', '-i', file,
    '-f', 'lavfi', '-i', `color=c=gray:s=${FW}x${FH}:r=15`, '-filter_complex', graph, '-map', '[v]', '-t', '4',
    '-pix_fmt', 'yuv420p', '-f', 'yuv4mpegpipe', out], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error('ffmpeg: ' + r.stderr);
  return [[-W / 2, -H / 2], [W / 2, -H / 2], [W / 2, H / 2], [-W / 2, H / 2]].map(project);
}

async function serve(mounts) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    const rel = path.normalize(decodeURIComponent(url.pathname)).replace(/^([/\\]*\.\.)+/, '');
    const file = mounts[url.pathname] || path.join(HERE, rel);
    if (!file.startsWith(HERE) && !mounts[url.pathname]) { res.writeHead(403); res.end(); return; }
    fs.readFile(file, (err, body) => {
      if (err) { res.writeHead(404); res.end(); return; }
      const type = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.json': 'application/json' }[path.extname(file)];
      res.writeHead(200, { 'content-type': type || 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(body);
    });
  });
  for (let port = portBase; port < portBase + 100 && port <= 18399; port++) {
    const ok = await new Promise((resolve) => {
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => resolve(true));
    });
    if (ok) return { server, base: `http://127.0.0.1:${port}` };
  }
  throw new Error('no free port in 18300-18399');
}

const meanDistance = (a, b) => a.reduce((s, p, i) => s + Math.hypot(p[0] - b[i][0], p[1] - b[i][1]), 0) / a.length;
const median = (xs) => { const s = [...xs].sort((x, y) => x - y); return s.length ? s[Math.floor(s.length / 2)] : null; };

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'arv-mind-e2e-'));
const video = path.join(work, 'camera.y4m');
const truth = buildVideo(path.resolve(image), video);
const mounts = {};
minds.forEach((m, i) => { mounts[`/target/${i}.mind`] = path.resolve(m); });
const { server, base } = await serve(mounts);
const context = await chromium.launchPersistentContext(path.join(work, 'profile'), {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, viewport: { width: FW, height: FH },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
    '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`,
    '--autoplay-policy=no-user-gesture-required'],
});
const results = [];
try {
  for (let i = 0; i < minds.length; i++) {
    const page = await context.newPage();
    const t0 = Date.now();
    await page.goto(`${base}/pages/track.html?mind=/target/${i}.mind`);
    let s;
    for (;;) {
      s = await page.evaluate(() => window.ARV);
      // after the first detection, keep tracking for ~20 frames to measure the pose error on settled frames
      if (s.error || (s.found && s.corners.length >= 20) || Date.now() - t0 > timeoutMs) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await page.evaluate(() => window.stopAR && window.stopAR()).catch(() => {});
    const errors = s.corners.map((c) => meanDistance(c, truth));
    results.push({ mind: minds[i], found: s.found, msToFound: s.msToFound, frames: s.frames, trackedFrames: s.corners.length,
      cornerErrorPx: errors.length ? +median(errors).toFixed(2) : null, error: s.error });
    await page.close();
  }
} finally {
  await context.close().catch(() => {});
  server.close();
  fs.rmSync(work, { recursive: true, force: true });
}
console.log(JSON.stringify({ image, truth: truth.map((p) => p.map((v) => +v.toFixed(1))), results }));
