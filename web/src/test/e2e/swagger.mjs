// Opens ARV's Swagger UI (/swagger/) in headless Chromium and reports whether it rendered the API's
// operations under the page's Content-Security-Policy.
// usage: node swagger.mjs E2E_DIR PAGE_URL [--timeout S]
// prints one JSON line: {operations, cspViolations, errors}
import path from 'node:path';
import fs from 'node:fs';
import os from 'node:os';
import { createRequire } from 'node:module';

const args = process.argv.slice(2);
const option = (name, fallback) => { const i = args.indexOf('--' + name); return i >= 0 ? args.splice(i, 2)[1] : fallback; };
const timeoutMs = Number(option('timeout', 60)) * 1000;
const [e2eDir, pageUrl] = args;
if (!e2eDir || !pageUrl) { console.error('usage: node swagger.mjs E2E_DIR PAGE_URL'); process.exit(2); }
const { chromium } = createRequire(path.join(path.resolve(e2eDir), 'package.json'))('playwright-core');

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'arv-swagger-e2e-'));
const context = await chromium.launchPersistentContext(path.join(work, 'profile'), {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const result = { operations: 0, cspViolations: [], errors: [] };
try {
  const page = await context.newPage();
  page.on('console', (m) => { if (/Content[- ]Security[- ]Policy/i.test(m.text())) result.cspViolations.push(m.text()); });
  page.on('pageerror', (e) => result.errors.push(String(e)));
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation',
      (e) => window.__cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`));
  });
  await page.goto(pageUrl);
  const t0 = Date.now();
  while (Date.now() - t0 < timeoutMs) {
    result.operations = await page.locator('.opblock').count();
    if (result.operations > 0) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  // Let late style and image loads report.
  await new Promise((r) => setTimeout(r, 1000));
  result.cspViolations.push(...(await page.evaluate(() => window.__cspViolations || [])));
} finally {
  await context.close().catch(() => {});
  fs.rmSync(work, { recursive: true, force: true });
}
console.log(JSON.stringify(result));
