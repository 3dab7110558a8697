// Opens ARV's public viewer page (/ar/<unique id>) in headless Chromium whose camera is a fake one
// showing IMAGE as a tilted poster, and reports what the page did: whether MindAR fired targetFound,
// how many frames drew the overlay, whether the overlay video played.
// Uses playwright-core from the imaging e2e directory (imaging/src/test/e2e, prepared by its setup.sh).
// usage: node viewer.mjs E2E_DIR PAGE_URL IMAGE [--timeout S] [--deny-camera] [--lang L] [--manifest-status N]
// prints one JSON line: {found, overlayFrames, videoPlaying, overlayKind, phase, message, messageText, lang, error, msToFound,
//   externalRequests, cspViolations (securitypolicyviolation events of the page and the browser's CSP console reports)}
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const args = process.argv.slice(2);
const option = (name, fallback) => { const i = args.indexOf('--' + name); return i >= 0 ? args.splice(i, 2)[1] : fallback; };
const timeoutMs = Number(option('timeout', 60)) * 1000;
// --deny-camera: no automatic "allow" for the camera prompt, so the page sees a refusal.
const denyCamera = args.includes('--deny-camera') ? (args.splice(args.indexOf('--deny-camera'), 1), true) : false;
// --lang ru-RU: the browser's language (navigator.languages and Accept-Language).
const locale = option('lang', 'en-US');
// --manifest-status 404: the manifest answers that (a problem document; Retry-After: 30 with a 429), as when the content
// goes, or the visitor's network reaches its limit, after the page was served.
const manifestStatus = Number(option('manifest-status', 0));
const [e2eDir, pageUrl, image] = args;
if (!e2eDir || !pageUrl || !image) { console.error('usage: node viewer.mjs E2E_DIR PAGE_URL IMAGE'); process.exit(2); }
const { chromium } = createRequire(path.join(path.resolve(e2eDir), 'package.json'))('playwright-core');

const FW = 640, FH = 480;

// The same fake camera as imaging's track.mjs, simplified: the image fitted into the frame with a
// slight perspective (as if held up to the phone), over grey, 6 s of y4m.
function buildVideo(file, out) {
  const probe = spawnSync('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=width,height',
    '-of', 'csv=p=0', file], { encoding: 'utf8' });
  const [W, H] = probe.stdout.trim().split(',').map(Number);
  const k = Math.min((FW * 0.7) / W, (FH * 0.7) / H);
  const tw = Math.round((W * k) / 2) * 2, th = Math.round((H * k) / 2) * 2;
  const ox = (FW - tw) / 2, oy = (FH - th) / 2;
  const inset = Math.round(tw * 0.04);
  const warp = `x0=${ox + inset}:y0=${oy}:x1=${ox + tw - inset}:y1=${oy}:x2=${ox}:y2=${oy + th}:x3=${ox + tw}:y3=${oy + th}`;
  const graph = `[0:v]scale=${tw}:${th},format=rgba,pad=${FW}:${FH}:${ox}:${oy}:color=black@0[q];`
    + `[q]perspective=${warp}:sense=destination[p];[1:v][p]overlay=0:0:shortest=1,format=yuv420p[v]`;
  const r = spawnSync('ffmpeg', ['-y', '-hide_banner', '-loglevel', 'error', '-loop', '1', '-framerate', '15', '-i', file,
    '-f', 'lavfi', '-i', `color=c=gray:s=${FW}x${FH}:r=15`, '-filter_complex', graph, '-map', '[v]', '-t', '6',
    '-pix_fmt', 'yuv420p', '-f', 'yuv4mpegpipe', out], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error('ffmpeg: ' + r.stderr);
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'arv-viewer-e2e-'));
const video = path.join(work, 'camera.y4m');
buildVideo(path.resolve(image), video);
const context = await chromium.launchPersistentContext(path.join(work, 'profile'), {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, viewport: { width: FW, height: FH }, locale,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
    ...(denyCamera ? [] : ['--use-fake-ui-for-media-stream']), '--use-fake-device-for-media-stream',
    `--use-file-for-fake-video-capture=${video}`, '--autoplay-policy=no-user-gesture-required'],
});
let result = { found: false, overlayFrames: 0, videoPlaying: false, overlayKind: null, phase: null, error: null, msToFound: null };
try {
  const page = await context.newPage();
  const violations = [];
  page.on('console', (m) => { if (/Content[- ]Security[- ]Policy/i.test(m.text())) violations.push(m.text()); });
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation',
      (e) => window.__cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`));
  });
  const external = [];
  // Network requests to anywhere but ARV (blob: and data: URLs are the page's own objects).
  page.on('request', (r) => {
    const u = new URL(r.url());
    if ((u.protocol === 'http:' || u.protocol === 'https:') && u.host !== new URL(pageUrl).host) external.push(r.url());
  });
  if (manifestStatus) {
    await page.route('**/api/v1/viewer/*/manifest', (route) => route.fulfill({ status: manifestStatus,
      contentType: 'application/problem+json', headers: manifestStatus === 429 ? { 'Retry-After': '30' } : {},
      body: JSON.stringify({ status: manifestStatus }) }));
  }
  const t0 = Date.now();
  await page.goto(pageUrl);
  for (;;) {
    const s = await page.evaluate(() => window.ARV_VIEWER || null);
    if (s) {
      if (s.targetFound && result.msToFound == null) result.msToFound = Date.now() - t0;
      result = { ...result, found: s.targetFound, overlayFrames: s.overlayFrames, videoPlaying: s.videoPlaying,
        overlayKind: s.overlayKind, phase: s.phase, error: s.error,
        message: await page.evaluate(() => document.getElementById('message-title')?.textContent || null),
        messageText: await page.evaluate(() => document.getElementById('message-text')?.textContent || null),
        lang: await page.evaluate(() => document.documentElement.lang) };
      const done = s.targetFound && s.overlayFrames >= 10 && (s.overlayKind !== 'video' || s.videoPlaying);
      if (done || s.error || ['not-found', 'gone', 'rate-limited', 'unavailable', 'unsupported', 'camera-denied', 'error'].includes(s.phase)) break;
    }
    if (Date.now() - t0 > timeoutMs) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  result.externalRequests = external;
  result.cspViolations = [...(await page.evaluate(() => window.__cspViolations || []).catch(() => [])), ...violations];
} finally {
  await context.close().catch(() => {});
  fs.rmSync(work, { recursive: true, force: true });
}
console.log(JSON.stringify(result));
