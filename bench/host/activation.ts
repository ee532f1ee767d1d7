// One fresh window of the activation benchmark: activates ACS Identities and the empty extension
// next to it, in the order the runner names (it alternates between windows, so that neither pays
// the first activation's extra costs every time), each timed around `extension.activate()`, which
// loads its module and runs its `activate`. It first lets the window finish opening: activations
// measured while the workbench still restores itself vary fivefold with what it happens to be doing.
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { EMPTY_EXTENSION_ID, EXTENSION_ID, writeResults } from './results';

/** How long the window is left to finish opening before the activations are timed. */
const SETTLE_MS = 3000;

export interface ActivationSample {
  readonly extensionId: string;
  readonly milliseconds: number;
  /** Something activated it before the benchmark did: its figure does not count. */
  readonly wasActive: boolean;
}

export async function run(): Promise<void> {
  const order = process.env.ACS_BENCH_ORDER === 'empty-first' ? [EMPTY_EXTENSION_ID, EXTENSION_ID] : [EXTENSION_ID, EMPTY_EXTENSION_ID];
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  const samples: ActivationSample[] = [];
  for (const extensionId of order) {
    const extension = vscode.extensions.getExtension(extensionId);
    if (!extension) {
      throw new Error(`${extensionId} is not installed in this extension host`);
    }
    const wasActive = extension.isActive;
    const started = performance.now();
    await extension.activate();
    samples.push({ extensionId, milliseconds: performance.now() - started, wasActive });
  }
  writeResults({ order, samples, complete: true });
}
