#!/usr/bin/env node
// The figures of `npm run bench` as a Markdown table, ready for the README: medians of the raw
// samples in bench/results.json, each next to its target. Targets are for reading, not a verdict:
// the benchmark never fails on them.
//
// Usage: node bench/report.mjs [results.json]   prints the table (default bench/results.json)
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The middle sample (the mean of the two middle ones for an even count). */
function median(samples) {
  if (!samples?.length) return undefined;
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Nearest-rank percentile. */
function percentile(samples, p) {
  if (!samples?.length) return undefined;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Median, spread and count of a list of samples (milliseconds). */
function describe(samples) {
  return { median: median(samples), p10: percentile(samples, 10), p90: percentile(samples, 90), n: samples?.length ?? 0 };
}

const MAIN_BUNDLE_BUDGET_BYTES = 300 * 1024;
/** Activation may take this much longer than an empty extension's, in the same windows. */
const ACTIVATION_MARGIN_MS = 30;

const ms = (value) => (value === undefined ? 'n/a' : value < 10 ? `${value.toFixed(2)} ms` : `${value.toFixed(1)} ms`);
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const rate = (value) => (value === undefined ? 'n/a' : `${value.toFixed(1)} users/s`);
const ratio = (value) => (value === undefined || !Number.isFinite(value) ? 'n/a' : `${value.toFixed(2)}×`);
const spread = (d) => `${ms(d.median)} (p10 ${ms(d.p10)}, p90 ${ms(d.p90)}, n=${d.n})`;
const verdict = (met) => (met === undefined ? 'n/a' : met ? 'met' : '**missed**');

/** One row per figure: what was measured, the figure, its target, and whether the target is met (undefined: no target). */
function rows(results) {
  const table = [];
  const add = (measure, figure, target = '', met) => table.push({ measure, figure, target, met });

  if (results.sizes) {
    for (const bundle of results.sizes.bundles) {
      const main = bundle.file === 'dist/extension.js';
      add(`${bundle.file} (production)`, kb(bundle.bytes), main ? `≤ ${kb(MAIN_BUNDLE_BUDGET_BYTES)}` : '', main ? bundle.bytes <= MAIN_BUNDLE_BUDGET_BYTES : undefined);
    }
    add('packaged .vsix', kb(results.sizes.vsixBytes));
  }

  if (results.activation) {
    const ours = describe(results.activation.extension);
    const empty = describe(results.activation.empty);
    add(`activation, ACS Identities (${ours.n} fresh windows)`, spread(ours));
    add(`activation, empty extension (same windows)`, spread(empty));
    add('activation, difference of medians', ms(ours.median - empty.median), `≤ ${ms(ACTIVATION_MARGIN_MS)}`, ours.median - empty.median <= ACTIVATION_MARGIN_MS);
  }

  const workload = results.workload;
  if (workload?.overhead) {
    const extension = describe(workload.overhead.extension);
    const sdk = describe(workload.overhead.sdk);
    const overhead = extension.median - sdk.median;
    add('create user + token, through the extension (command returns)', spread(extension));
    add('create user + token, bare SDK call', spread(sdk));
    add('create user + token, overhead (extension − SDK, medians)', ms(overhead), '≤ 5 ms', overhead <= 5);
    // Runs come in pairs, one of each, side by side: their differences cancel the machine's slower moments.
    const paired = median(workload.overhead.extension.map((value, index) => value - workload.overhead.sdk[index]));
    add('create user + token, overhead (median of the paired differences)', ms(paired), '≤ 5 ms', paired <= 5);
    add('create user + token, until its row with the token is in the view', spread(describe(workload.overhead.extensionRowShown)));
    add('SecretStorage: storing one value (a round trip to the workbench)', spread(describe(workload.overhead.secretStore)));
  }

  if (workload?.scale) {
    const { createAt, listAt } = workload.scale;
    const createMedian = (size) => median(createAt[size]?.command);
    for (const size of Object.keys(createAt)) {
      add(`create with ${Number(size).toLocaleString('en')} users listed (command returns)`, spread(describe(createAt[size].command)));
      add(`create with ${Number(size).toLocaleString('en')} users listed (until its row is in the view)`, spread(describe(createAt[size].rowShown)));
    }
    if (createAt[100] && createAt[10000]) {
      const growth = createMedian(10000) / createMedian(100);
      add('create: time at 10,000 / time at 100', ratio(growth), '≤ 1.2×', growth <= 1.2);
    }
    for (const size of Object.keys(listAt)) {
      const label = Number(size).toLocaleString('en');
      add(`list ${label} users: provider (getChildren + getTreeItem of every row)`, spread(describe(listAt[size].provider)));
      const roundTrip = describe(listAt[size].roundTrip);
      const tenK = Number(size) === 10000;
      if (listAt[size].sent) add(`list ${label} users: re-render, until the extension host has sent every row`, spread(describe(listAt[size].sent)));
      add(`list ${label} users: re-render round trip, until the workbench has every row`, spread(roundTrip), tenK ? '≤ 500 ms' : '', tenK ? roundTrip.median <= 500 : undefined);
    }
    if (listAt[10] && listAt[10000]) {
      const growth = median(listAt[10000].roundTrip) / median(listAt[10].roundTrip);
      add('list: round trip at 10,000 / at 10', ratio(growth), '≤ 2×', growth <= 2);
    }
  }

  if (results.bulk) {
    const { extension, sequential, limitPerSecond, latencyMs } = results.bulk;
    const share = extension.steadyUsersPerSecond === undefined ? undefined : extension.steadyUsersPerSecond / limitPerSecond;
    add(
      `bulk (one run): Create Users in Bulk, ${extension.count.toLocaleString('en')} users, limits on, ${latencyMs} ms latency: steady pace past the first burst`,
      `${rate(extension.steadyUsersPerSecond)} (${share === undefined ? 'n/a' : (share * 100).toFixed(0)} % of the limit, ${rate(limitPerSecond)})`,
      '≥ 90 % of the limit',
      share === undefined ? undefined : share >= 0.9,
    );
    add('bulk: overall pace (first burst included)', `${rate(extension.overallUsersPerSecond)} (${extension.seconds.toFixed(1)} s, ${extension.throttledResponses} answers 429)`);
    add(`bulk: the quickstart's sequential loop (${sequential.count} users, same limits and latency)`, rate(sequential.usersPerSecond));
    const speedup = extension.steadyUsersPerSecond / sequential.usersPerSecond;
    add('bulk: steady pace / sequential loop', ratio(speedup), '≥ 4×', speedup >= 4);
    add('bulk: failed users', String(extension.failed), '0', extension.failed === 0 && extension.created === extension.count);
  }
  return table;
}

/** The machine and its load, in one line. */
function machineLine({ machine }) {
  const load = machine.load;
  const loadText = load ? `; load average (1 min) during the run: min ${load.min}, median ${load.median}, max ${load.max}` : '';
  return `${machine.cpu}, ${machine.cores} cores, ${machine.ramGiB} GiB RAM, Node ${machine.node}, ${machine.os}${loadText}`;
}

export function markdown(results) {
  const lines = [
    `Benchmark of ${results.date}${results.quick ? ' (--quick)' : ''}${results.profiled ? ' (--profile: a build that is not minified)' : ''}, code-server ${results.host?.codeServer ?? '?'} (VS Code ${results.host?.vscode ?? '?'})${results.extensionPath ? `, the extension in ${results.extensionPath}` : ''}`,
    '',
    `Machine: ${machineLine(results)}`,
    '',
    ...[results.workload?.incomplete && `The workload window ${results.workload.incomplete}: some figures are missing.`, results.bulkIncomplete && `The bulk window ${results.bulkIncomplete}: some figures are missing.`]
      .filter(Boolean)
      .flatMap((line) => [line, '']),
    '| Measure | Figure (the median, where there are several runs) | Target | |',
    '| --- | --- | --- | --- |',
    ...rows(results).map((row) => `| ${row.measure} | ${row.figure} | ${row.target} | ${row.target ? verdict(row.met) : ''} |`),
    '',
  ];
  return lines.join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const file = process.argv[2] ?? fileURLToPath(new URL('results.json', import.meta.url));
  process.stdout.write(markdown(JSON.parse(readFileSync(file, 'utf8'))));
}
