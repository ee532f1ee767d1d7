#!/usr/bin/env node
// Where the time of a CPU profile of the extension host went (`npm run bench -- --profile`
// writes them to bench/profiles/): self time by area (the extension, VS Code's extension host,
// the SDK, the emulator, Node, the garbage collector), the functions with the most self time, and
// the extension's functions with the most time including what they call.
//
// Usage: node bench/profileSummary.mjs <file.cpuprofile>...   (files <group>.<n>.cpuprofile are
//        summarized together, as runs of one measurement)
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The area a frame's script belongs to. */
function areaOf({ url, functionName }) {
  if (functionName === '(garbage collector)') return 'garbage collector';
  if (functionName === '(idle)') return 'idle';
  if (functionName === '(program)' || functionName === '(root)') return 'V8 (program)';
  if (/dist\/extension\.js$/.test(url)) return 'extension (dist/extension.js)';
  if (/dist\/identitySdk\.js$/.test(url) || /node_modules\/@azure\//.test(url)) return 'SDK';
  if (/out\/bench\/src\/emulator\//.test(url)) return 'emulator (in-process)';
  if (/out\/bench\//.test(url)) return 'benchmark code';
  if (/lib\/vscode\//.test(url)) return "VS Code's extension host";
  if (url.startsWith('node:') || url === '') return 'Node.js and V8 built-ins';
  return basename(url);
}

/** How many functions each list of a summary names. */
const TOP = 15;

/** One summary of several profiles (runs of one measurement): their times add up. */
function summarize(profiles) {
  const self = new Map();
  const inclusive = new Map();
  const byArea = new Map();
  let total = 0;
  const add = (map, k, micros) => map.set(k, (map.get(k) ?? 0) + micros);
  const key = ({ callFrame: f }) => `${f.functionName || '(anonymous)'} ${basename(f.url)}:${f.lineNumber + 1}`;
  for (const profile of profiles) {
    const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
    const parent = new Map();
    for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
    profile.samples.forEach((id, index) => {
      const micros = profile.timeDeltas[index + 1] ?? 0;
      total += micros;
      const node = nodes.get(id);
      const area = areaOf(node.callFrame);
      add(byArea, area, micros);
      add(self, key(node), micros);
      if (area === 'idle') return;
      const seen = new Set();
      for (let current = id; current !== undefined; current = parent.get(current)) {
        const frame = nodes.get(current);
        if (!/dist\/extension\.js$/.test(frame.callFrame.url)) continue;
        const k = key(frame);
        if (!seen.has(k)) {
          seen.add(k);
          add(inclusive, k, micros);
        }
      }
    });
  }
  const ms = (micros) => `${(micros / 1000).toFixed(1)} ms`;
  const sorted = (map) => [...map].sort((a, b) => b[1] - a[1]);
  const busy = total - (byArea.get('idle') ?? 0);
  return [
    `${profiles.length} profile(s), ${ms(total)} in all, busy ${ms(busy)}`,
    'self time by area:',
    ...sorted(byArea).map(([area, micros]) => `  ${ms(micros).padStart(10)}  ${area}`),
    `functions with the most self time (top ${TOP}):`,
    ...sorted(self).filter(([k]) => !k.startsWith('(idle)')).slice(0, TOP).map(([k, micros]) => `  ${ms(micros).padStart(10)}  ${k}`),
    `the extension's functions, time including what they call (top ${TOP}):`,
    ...sorted(inclusive).slice(0, TOP).map(([k, micros]) => `  ${ms(micros).padStart(10)}  ${k}`),
  ].join('\n');
}

/** Prints the summary of each group of `<group>.<n>.cpuprofile` files. */
export function printSummaries(files) {
  for (const [group, members] of groupProfiles(files)) {
    console.log(`\n${group}\n${summarize(members.map((file) => JSON.parse(readFileSync(file, 'utf8'))))}`);
  }
}

/** `<group>.<n>.cpuprofile` files by group (the name up to its first dot). */
function groupProfiles(files) {
  const groups = new Map();
  for (const file of files) {
    const group = basename(file).split('.')[0];
    groups.set(group, [...(groups.get(group) ?? []), file]);
  }
  return groups;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  printSummaries(process.argv.slice(2));
}
