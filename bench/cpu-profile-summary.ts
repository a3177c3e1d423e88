// Where a server's CPU went: self time of a .cpuprofile (node --cpu-prof) by
// package or area, and the top functions. Used with CPU_PROF=… in bench/page-load.ts.
//
//   npx tsx bench/cpu-profile-summary.ts <file.cpuprofile> [top=25]
import { readFileSync } from "node:fs";

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number; children?: number[] };
const profile = JSON.parse(readFileSync(process.argv[2], "utf8")) as { nodes: Node[]; samples: number[]; timeDeltas: number[] };
const top = Number(process.argv[3] ?? 25);

const selfTime = new Map<number, number>();
profile.samples.forEach((id, i) => selfTime.set(id, (selfTime.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
const total = [...selfTime.values()].reduce((a, b) => a + b, 0);

function area({ url, functionName }: Node["callFrame"]) {
  if (functionName === "(garbage collector)") return "garbage collection";
  if (functionName === "(idle)" || functionName === "(program)") return functionName;
  if (!url) return "native / builtin";
  const pkg = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1];
  if (pkg === "next") {
    const part = url.match(/next\/dist\/(?:compiled\/)?([^/]+(?:\/[^/]+)?)/)?.[1] ?? "other";
    return `next: ${part}`;
  }
  if (pkg) return pkg;
  if (url.startsWith("node:")) return url;
  return url.includes(".next") ? "app bundle (.next)" : url;
}

const byArea = new Map<string, number>();
const byFunction = new Map<string, number>();
for (const node of profile.nodes) {
  const ms = selfTime.get(node.id) ?? 0;
  if (!ms) continue;
  const a = area(node.callFrame);
  byArea.set(a, (byArea.get(a) ?? 0) + ms);
  const f = `${node.callFrame.functionName || "(anonymous)"} ${node.callFrame.url.replace(/^.*node_modules\//, "")}:${node.callFrame.lineNumber}`;
  byFunction.set(f, (byFunction.get(f) ?? 0) + ms);
}
const show = (map: Map<string, number>) =>
  [...map].sort((a, b) => b[1] - a[1]).slice(0, top).forEach(([k, ms]) => console.log(`${((ms / total) * 100).toFixed(1).padStart(5)}%  ${ms.toFixed(0).padStart(7)} ms  ${k}`));
console.log(`total ${total.toFixed(0)} ms sampled\n\nby area:`);
show(byArea);
console.log(`\nby function (self time):`);
show(byFunction);
