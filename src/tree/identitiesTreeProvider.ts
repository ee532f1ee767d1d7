import * as vscode from 'vscode';
import type { Registry } from '../storage/registry';
import type { TokenRecord } from '../core/records';
import type { ViewState } from '../platform/contextKeys';
import type { Log } from '../core/log';
import type { Clock } from '../platform/clock';
import { errorNode, resourceNode, tokenNode, userNode, type IdentityNode, type ResourceNode, type UserNode } from './nodes';
import { toTreeItem } from './treeItems';
import { nextRefreshTime } from './treeModel';

/**
 * The "Identities" view: resources, their users, the users' tokens, read from the registry on
 * every refresh. It re-renders by itself when a token expires (and, while visible, when an
 * "expires in" text changes), so nothing needs a reload.
 */
export class IdentitiesTreeProvider implements vscode.TreeDataProvider<IdentityNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<IdentityNode | undefined | void>();
  readonly onDidChangeTreeData = this.changeEmitter.event;

  /** Tokens seen in the last render, per resource: what the expiry timer is computed from. */
  private readonly tokensByResource = new Map<string, TokenRecord[]>();
  private timer: NodeJS.Timeout | undefined;
  private scheduledAt: Date | undefined;
  private timerDue: number | undefined;
  private visible = true;

  constructor(
    private readonly registry: Registry,
    private readonly logger: Log,
    private readonly onState: (state: ViewState) => void,
    private readonly clock: Clock,
  ) {}

  refresh(node?: IdentityNode): void {
    this.changeEmitter.fire(node);
  }

  /** When the tree will next re-render by itself (for tests and diagnostics). */
  get nextRefreshAt(): Date | undefined {
    return this.scheduledAt;
  }

  /** While hidden, only expiries re-render the tree; while visible, every change of an "expires in" text does. */
  setVisible(visible: boolean): void {
    if (visible !== this.visible) {
      this.visible = visible;
      if (visible) {
        this.refresh();
      } else {
        this.schedule();
      }
    }
  }

  getTreeItem(node: IdentityNode): vscode.TreeItem {
    return toTreeItem(node, this.clock.now());
  }

  getParent(node: IdentityNode): IdentityNode | undefined {
    return node.kind === 'resource' ? undefined : node.parent;
  }

  async getChildren(node?: IdentityNode): Promise<IdentityNode[]> {
    if (!node) {
      return this.rootChildren();
    }
    switch (node.kind) {
      case 'resource':
        return this.resourceChildren(node);
      case 'user':
        return node.tokens.map((token) => tokenNode(node, token));
      default:
        return [];
    }
  }

  private async rootChildren(): Promise<IdentityNode[]> {
    try {
      const resources = await this.registry.listResources();
      this.onState(resources.length === 0 ? 'noResources' : 'ready');
      const live = new Set(resources.map((resource) => resource.id));
      for (const resourceId of [...this.tokensByResource.keys()]) {
        if (!live.has(resourceId)) {
          this.tokensByResource.delete(resourceId);
        }
      }
      this.schedule();
      return resources.map(resourceNode);
    } catch (error) {
      this.logger.error('Could not read the list of resources', error);
      this.onState('ready');
      return [errorNode(vscode.l10n.t('Could not read the list of resources'))];
    }
  }

  private async resourceChildren(parent: ResourceNode): Promise<IdentityNode[]> {
    try {
      const users = await this.registry.listUsers(parent.resource.id);
      const nodes: UserNode[] = await Promise.all(
        users.map(async (user) => userNode(parent, user, await this.registry.listTokens(user.resourceId, user.userId))),
      );
      this.tokensByResource.set(
        parent.resource.id,
        nodes.flatMap((child) => child.tokens),
      );
      this.schedule();
      return nodes;
    } catch (error) {
      this.logger.error(`Could not read the users of ${parent.resource.name}`, error);
      return [errorNode(vscode.l10n.t('Could not read the users of "{0}"', parent.resource.name), parent)];
    }
  }

  private schedule(): void {
    const now = this.clock.now();
    const tokens = [...this.tokensByResource.values()].flat();
    const at = nextRefreshTime(tokens, now, { everyMinute: this.visible });
    // A little after the instant, so that the status computed then has certainly changed.
    const delay = at === undefined ? undefined : Math.max(0, at.getTime() - now.getTime()) + 250;
    // Compared in real time: the same instant of the tree's clock is another moment if that clock moved.
    const due = delay === undefined ? undefined : Date.now() + delay;
    if (due !== undefined && this.timerDue !== undefined && Math.abs(due - this.timerDue) < 50) {
      return;
    }
    this.clearTimer();
    if (at !== undefined && delay !== undefined) {
      this.scheduledAt = at;
      this.timerDue = due;
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.timerDue = undefined;
        this.scheduledAt = undefined;
        this.refresh();
      }, delay);
    }
  }

  private clearTimer(): void {
    if (this.timer) {
      clearTimeout(this.timer);
    }
    this.timer = undefined;
    this.timerDue = undefined;
    this.scheduledAt = undefined;
  }

  dispose(): void {
    this.clearTimer();
    this.changeEmitter.dispose();
  }
}
