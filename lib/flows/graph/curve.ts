// SVG paths for edges: a smooth curve through dagre's route points (Catmull-Rom turned into cubic
// Béziers), and a plain S-curve between two ports for the edges drawn outside dagre.
export type Point = { x: number; y: number };

const r = (n: number) => Math.round(n * 10) / 10;

export function curveThrough(points: readonly Point[]): string {
  const [first, ...rest] = points;
  if (first === undefined) return "";
  if (rest.length === 0) return `M${r(first.x)},${r(first.y)}`;
  let d = `M${r(first.x)},${r(first.y)}`;
  for (let i = 0; i < points.length - 1; i++) {
    const p0 = points[i - 1] ?? points[i];
    const p1 = points[i];
    const p2 = points[i + 1];
    const p3 = points[i + 2] ?? p2;
    if (p0 === undefined || p1 === undefined || p2 === undefined || p3 === undefined) continue;
    const c1 = { x: p1.x + (p2.x - p0.x) / 6, y: p1.y + (p2.y - p0.y) / 6 };
    const c2 = { x: p2.x - (p3.x - p1.x) / 6, y: p2.y - (p3.y - p1.y) / 6 };
    d += ` C${r(c1.x)},${r(c1.y)} ${r(c2.x)},${r(c2.y)} ${r(p2.x)},${r(p2.y)}`;
  }
  return d;
}

/** A cubic curve leaving `from` and entering `to` along `axis` (horizontal for side ports, vertical for top/bottom). */
export function sCurve(from: Point, to: Point, axis: "x" | "y"): string {
  if (axis === "x") {
    const dx = Math.max(30, Math.abs(to.x - from.x) / 2) * Math.sign(to.x - from.x || 1);
    return `M${r(from.x)},${r(from.y)} C${r(from.x + dx)},${r(from.y)} ${r(to.x - dx)},${r(to.y)} ${r(to.x)},${r(to.y)}`;
  }
  const dy = Math.max(12, Math.abs(to.y - from.y) / 2) * Math.sign(to.y - from.y || 1);
  return `M${r(from.x)},${r(from.y)} C${r(from.x)},${r(from.y + dy)} ${r(to.x)},${r(to.y - dy)} ${r(to.x)},${r(to.y)}`;
}
