// Decodes a .mind file with @msgpack/msgpack (the decoder mind-ar 1.2.5 ships with), applies the runtime's
// own acceptance check (v === 2) and prints what the runtime would read, with JavaScript types.
// usage: node decode.mjs FILE.mind
import { decode } from '@msgpack/msgpack';
import { readFileSync } from 'node:fs';

const content = decode(readFileSync(process.argv[2]));
const typeOf = (v) => (v === null ? 'null' : v instanceof Uint8Array ? 'Uint8Array' : Array.isArray(v) ? 'array' : typeof v);
const nodes = (n, out) => {
  out.push({ center: typeOf(n.centerPointIndex), leaf: n.leaf, keys: Object.keys(n) });
  if (!n.leaf) n.children.forEach((c) => nodes(c, out));
  return out;
};
const summary = {
  accepted: !!content.v && content.v === 2,
  topKeys: Object.keys(content),
  targets: (content.dataList || []).map((t) => ({
    keys: Object.keys(t),
    width: t.targetImage.width,
    height: t.targetImage.height,
    tracking: t.trackingData.map((d) => ({
      keys: Object.keys(d), dataType: typeOf(d.data), dataLength: d.data.length, width: d.width, height: d.height,
      scale: d.scale, points: d.points.length,
      pointsAreIntegers: d.points.every((p) => Number.isInteger(p.x) && Number.isInteger(p.y)),
    })),
    matching: t.matchingData.map((k) => {
      const pts = [...k.maximaPoints, ...k.minimaPoints];
      const maxTree = nodes(k.maximaPointsCluster.rootNode, []);
      const minTree = nodes(k.minimaPointsCluster.rootNode, []);
      return {
        keys: Object.keys(k), width: k.width, height: k.height, scale: k.scale,
        maxima: k.maximaPoints.length, minima: k.minimaPoints.length,
        pointKeys: pts.length ? Object.keys(pts[0]) : [],
        descriptorsOk: pts.every((p) => p.descriptors.length === 21
          && p.descriptors.every((d) => Number.isInteger(d) && d >= 0 && d < 2 ** 32)),
        maximaFlagsOk: k.maximaPoints.every((p) => p.maxima === true) && k.minimaPoints.every((p) => p.maxima === false),
        rootCenter: typeOf(k.maximaPointsCluster.rootNode.centerPointIndex),
        childCenterTypes: [...new Set([...maxTree.slice(1), ...minTree.slice(1)].map((n) => n.center))],
        firstPoint: pts.length ? { x: pts[0].x, y: pts[0].y, angle: pts[0].angle, scale: pts[0].scale, d0: pts[0].descriptors[0] } : null,
      };
    }),
  })),
};
console.log(JSON.stringify(summary));
