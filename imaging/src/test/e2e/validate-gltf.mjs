// Validates GLB files with the Khronos glTF Validator and prints one JSON line:
// {"files":[{"file":..., "errors":n, "warnings":n, "infos":n, "hints":n, "messages":[{code,severity,message,pointer}]}]}
// Usage: node validate-gltf.mjs a.glb [b.glb ...]
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import validator from 'gltf-validator';

const files = [];
for (const path of process.argv.slice(2)) {
  const bytes = new Uint8Array(await readFile(path));
  const report = await validator.validateBytes(bytes, {
    uri: basename(path),
    maxIssues: 50,
    // a GLB of ours is self-contained: any external reference is itself a defect
    externalResourceFunction: (uri) => Promise.reject(new Error('external resource requested: ' + uri)),
  });
  files.push({
    file: basename(path),
    errors: report.issues.numErrors,
    warnings: report.issues.numWarnings,
    infos: report.issues.numInfos,
    hints: report.issues.numHints,
    messages: report.issues.messages.map((m) => ({ code: m.code, severity: m.severity, message: m.message, pointer: m.pointer })),
    info: report.info ? { drawCallCount: report.info.drawCallCount, totalTriangleCount: report.info.totalTriangleCount,
      totalVertexCount: report.info.totalVertexCount, hasTextures: report.info.hasTextures } : null,
  });
}
console.log(JSON.stringify({ files }));
