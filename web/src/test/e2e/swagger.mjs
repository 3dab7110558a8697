// Opens ARV's Swagger UI (/swagger/) in headless Chromium and reports whether it rendered the API's
// operations under the page's Content-Security-Policy; then authorizes with a made-up credential in every scheme of the
// "Authorize" dialog and reports whether the credential was kept in localStorage (it must not be).
// usage: node swagger.mjs E2E_DIR PAGE_URL [--timeout S]
// prints one JSON line: {operations, cspViolations, errors, authorizedSchemes, storedAuthorization}
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
const result = { operations: 0, cspViolations: [], errors: [], authorizedSchemes: 0, storedAuthorization: null };
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
  if (result.operations > 0) {
    await page.locator('.scheme-container button.authorize').first().click();
    const fields = page.locator('.modal-ux input:not([type=checkbox])');
    for (let i = 0; i < await fields.count(); i++) await fields.nth(i).fill('arv_made_up_credential');
    const authorize = page.locator('.modal-ux button.authorize');
    for (let i = 0; i < 5 && await authorize.count() > 0; i++) await authorize.first().click();
    result.authorizedSchemes = await page.locator('.modal-ux button', { hasText: 'Logout' }).count();
    result.storedAuthorization = await page.evaluate(() => localStorage.getItem('authorized'));
  }
} finally {
  await context.close().catch(() => {});
  fs.rmSync(work, { recursive: true, force: true });
}
console.log(JSON.stringify(result));
