// When the Identities view has its rows: VS Code's extension host asks the provider for the
// children of a node, then for the row (getTreeItem) of every child, and sends them to the
// workbench. The test API reports each getTreeItem; this turns those reports into moments.
import { performance } from 'node:perf_hooks';
import { setImmediate as nextTurn } from 'node:timers/promises';
import * as vscode from 'vscode';
import type { AcsIdentityTestApi } from '../../src/testApi';
import type { IdentityNode } from '../../src/tree/nodes';

let pings = 0;

/**
 * Resolves once the workbench has handled every message the extension host sent it before (the
 * rows included): a command that runs in the workbench answers in order, after them.
 */
export async function workbenchCaughtUp(): Promise<void> {
  await vscode.commands.executeCommand('setContext', 'acsBench.ping', ++pings);
}

interface Waiter {
  matches(node: IdentityNode): boolean;
  resolve(at: number): void;
}

export class RowWatcher implements vscode.Disposable {
  private readonly waiters = new Set<Waiter>();
  private lastRowAt = 0;
  private readonly subscription: vscode.Disposable;

  constructor(api: AcsIdentityTestApi) {
    this.subscription = api.tree.onDidGetTreeItem((node) => {
      this.lastRowAt = performance.now();
      for (const waiter of this.waiters) {
        if (waiter.matches(node)) {
          this.waiters.delete(waiter);
          waiter.resolve(this.lastRowAt);
        }
      }
    });
  }

  /** Resolves with the moment of the first row given for which `matches` holds (it may count rows as they come). */
  next(matches: (node: IdentityNode) => boolean, what: string, timeoutMs = 120_000): Promise<number> {
    return new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`));
      }, timeoutMs);
      const waiter: Waiter = {
        matches,
        resolve: (at) => {
          clearTimeout(timer);
          resolve(at);
        },
      };
      this.waiters.add(waiter);
    });
  }

  /**
   * Resolves with the moment the rows of `count` children of `parent` have all been given in one
   * rendering, and the turn that gave them has ended. VS Code asks for the parent's own row before
   * its children: that starts a rendering.
   */
  async children(parent: IdentityNode, count: number, what: string): Promise<{ lastRowAt: number; sentAt: number; workbenchAt: number }> {
    let seen = 0;
    const lastRowAt = await this.next((node) => {
      if (node === parent) {
        seen = 0;
      } else if (node.kind !== 'resource' && node.kind !== 'damaged' && node.kind !== 'error' && node.parent === parent) {
        seen++;
      }
      return seen >= count;
    }, what);
    // The extension host turns the rows into its own tree nodes and sends them in the same turn.
    await nextTurn();
    const sentAt = performance.now();
    await workbenchCaughtUp();
    return { lastRowAt, sentAt, workbenchAt: performance.now() };
  }

  /** Resolves once no row has been asked for during `milliseconds`: the view is done re-rendering. */
  async quiet(milliseconds: number): Promise<void> {
    for (;;) {
      const wait = this.lastRowAt + milliseconds - performance.now();
      if (wait <= 0) {
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.waiters.clear();
  }
}
