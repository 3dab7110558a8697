// The official compiler: node compile.mjs OUT.mind IMAGE [IMAGE...]; prints {ms, bytes} as JSON.
import { OfflineCompiler } from 'mind-ar/src/image-target/offline-compiler.js';
import { loadImage } from 'canvas';
import { writeFileSync } from 'node:fs';

const [out, ...inputs] = process.argv.slice(2);
if (!out || !inputs.length) { console.error('usage: node compile.mjs OUT.mind IMAGE...'); process.exit(2); }
const images = [];
for (const file of inputs) images.push(await loadImage(file));
const t0 = performance.now();
const compiler = new OfflineCompiler();
await compiler.compileImageTargets(images, () => {});
const bytes = compiler.exportData();
writeFileSync(out, bytes);
console.log(JSON.stringify({ ms: Math.round(performance.now() - t0), bytes: bytes.length }));
