import * as vscode from 'vscode';
import type { Log } from '../core/log';
import { userKey, type RecordChange } from '../core/recordState';
import type { TokenRecord, UserRecord } from '../core/records';
import { nextExpiry, nextMinuteTick, tokenStatus } from '../core/tokenStatus';
import type { Clock } from '../platform/clock';
import type { ViewState } from '../platform/contextKeys';
import type { Registry } from '../storage/registry';
import {
  damagedNode,
  errorNode,
  resourceNode,
  resourceNodeOf,
  teamsUsersNode,
  tokenNode,
  userNode,
  userRangeNode,
  type IdentityNode,
  type ResourceNode,
  type TeamsUsersNode,
  type UserNode,
  type UserRangeNode,
} from './nodes';
import { toTreeItem } from './treeItems';

/** A resource with more users than this lists them in ranges of {@link RANGE_SIZE}. */
export const RANGE_THRESHOLD = 200;
export const RANGE_SIZE = 100;

/**
 * The "Identities" view: resources, their users, the users' tokens, read from the registry's
 * records in memory. A change re-renders only the nodes it touched (a new user: its resource's
 * list; a new token: its user), and the view re-renders by itself the users whose tokens expire
 * (and, while visible, those expanded, when an "expires in" text changes). A resource with many
 * users lists them in ranges of a hundred, so that neither listing it nor adding to it costs
 * thousands of rows.
 */
export class IdentitiesTreeProvider implements vscode.TreeDataProvider<IdentityNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<IdentityNode | undefined | void>();
  readonly onDidChangeTreeData = this.changeEmitter.event;

  /** One node per record that VS Code was given: it re-renders an element by identity. */
  private readonly resourceNodes = new Map<string, ResourceNode>();
  /** The "Teams users" row of each resource that has Teams users, by resource id. */
  private readonly teamsUsersNodes = new Map<string, TeamsUsersNode>();
  /** The ranges of users of each resource that has many, by `<resource id>/<start>`. */
  private readonly rangeNodes = new Map<string, UserRangeNode>();
  private readonly userNodes = new Map<string, UserNode>();
  /** Each resource's users other than Teams users, sorted by creation: what the ranges slice. */
  private readonly listedUsers = new Map<string, readonly UserRecord[]>();
  /** Users whose tokens are shown (VS Code asked for them): those a ticking "expires in" re-renders. */
  private readonly expandedUsers = new Set<UserNode>();
  private pending: { root: boolean; nodes: Set<IdentityNode> } | undefined;
  /** What the changes since the last flush may have removed: some users, or (a resource changed) anything. */
  private maybeGone: { all: boolean; users: Set<string> } = { all: false, users: new Set() };
  /** The earliest expiry among the tokens of the users VS Code was given, in the tree's time (ms). */
  private nextExpiryMs = Infinity;
  private timer: NodeJS.Timeout | undefined;
  private scheduledAt: Date | undefined;
  private timerDue: number | undefined;
  private visible = true;
  /** The tree's time at the last self-refresh: tokens that expired since then still read valid. */
  private lastTickAt: number;
  private readonly subscription: { dispose(): void };

  constructor(
    private readonly registry: Registry,
    private readonly logger: Log,
    private readonly onState: (state: ViewState) => void,
    private readonly clock: Clock,
  ) {
    this.subscription = registry.onDidChange((change) => this.recordsChanged(change));
    this.lastTickAt = clock.now().getTime();
  }

  /** Re-renders one node, or everything, now. */
  refresh(node?: IdentityNode): void {
    this.queue(node);
    this.flush();
  }

  /** When the tree will next re-render by itself (for tests and diagnostics). */
  get nextRefreshAt(): Date | undefined {
    return this.scheduledAt;
  }

  /** While hidden, only expiries re-render the tree; while visible, every change of an "expires in" text does. */
  setVisible(visible: boolean): void {
    if (visible !== this.visible) {
      this.visible = visible;
      // While hidden, the "expires in" texts of the rows shown stopped ticking.
      if (visible) {
        this.expandedUsers.forEach((node) => this.queue(node));
      }
      this.schedule();
    }
  }

  /** VS Code collapsed a user: its token rows are not shown any more. */
  collapsed(node: IdentityNode): void {
    if (node.kind === 'user') {
      this.expandedUsers.delete(node);
    }
  }

  getTreeItem(node: IdentityNode): vscode.TreeItem {
    return toTreeItem(node, this.clock.now());
  }

  getParent(node: IdentityNode): IdentityNode | undefined {
    return node.kind === 'resource' || node.kind === 'damaged' || node.kind === 'error' ? undefined : node.parent;
  }

  async getChildren(node?: IdentityNode): Promise<IdentityNode[]> {
    try {
      await this.registry.whenLoaded();
    } catch (error) {
      this.logger.error('Could not read the records', error);
      this.onState('ready');
      return [errorNode(vscode.l10n.t('Could not read the list of resources'))];
    }
    const records = this.registry.records;
    if (!node) {
      const resources = records.resources();
      const damaged = this.registry.damaged.length;
      this.onState(resources.length === 0 && damaged === 0 ? 'noResources' : 'ready');
      const nodes: IdentityNode[] = resources.map((resource) => cached(this.resourceNodes, resource.id, () => resourceNode(records, resource)));
      return damaged > 0 ? [...nodes, damagedNode(damaged)] : nodes;
    }
    switch (node.kind) {
      case 'resource': {
        const listed = this.listedUsersOf(node.resource.id);
        const children: IdentityNode[] =
          listed.length > RANGE_THRESHOLD ? this.rangesOf(node, listed.length) : this.userNodesOf(node, listed);
        if (records.users(node.resource.id).length > listed.length) {
          children.push(cached(this.teamsUsersNodes, node.resource.id, () => teamsUsersNode(node)));
        }
        return children;
      }
      case 'userRange':
        return this.userNodesOf(node, this.listedUsersOf(node.resource.id).slice(node.start, node.start + RANGE_SIZE));
      case 'teamsUsers':
        return this.userNodesOf(
          node,
          records.users(node.resource.id).filter((user) => user.kind === 'teamsUser'),
        );
      case 'user':
        this.expandedUsers.add(node);
        this.schedule();
        return node.tokens.map((token) => tokenNode(node, token));
      default:
        return [];
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.clearTimer();
    this.changeEmitter.dispose();
  }

  /** The nodes of these users under `parent`: a user listed under another parent before (its range moved) gets a new node. */
  private userNodesOf(parent: ResourceNode | UserRangeNode | TeamsUsersNode, users: readonly UserRecord[]): UserNode[] {
    const records = this.registry.records;
    const nodes = users.map((user) => {
      const key = userKey(user.resourceId, user.userId);
      const existing = this.userNodes.get(key);
      if (existing?.parent === parent) {
        return existing;
      }
      const created = userNode(records, parent, user);
      this.userNodes.set(key, created);
      return created;
    });
    this.watchExpiries(nodes);
    return nodes;
  }

  private rangesOf(parent: ResourceNode, count: number): UserRangeNode[] {
    const resourceId = parent.resource.id;
    const ranges: UserRangeNode[] = [];
    for (let start = 0; start < count; start += RANGE_SIZE) {
      ranges.push(
        cached(this.rangeNodes, `${resourceId}/${start}`, () =>
          userRangeNode(parent, start, () => Math.max(0, Math.min(RANGE_SIZE, this.listedUsersOf(resourceId).length - start))),
        ),
      );
    }
    return ranges;
  }

  /** The users listed under the resource itself (not its Teams users), sorted by creation. */
  private listedUsersOf(resourceId: string): readonly UserRecord[] {
    let listed = this.listedUsers.get(resourceId);
    if (!listed) {
      listed = this.registry.records.users(resourceId).filter((user) => user.kind !== 'teamsUser');
      this.listedUsers.set(resourceId, listed);
    }
    return listed;
  }

  /** The ranges past a resource's last user (users were removed): a range filled again gets a node of its own. */
  private forgetEmptyRanges(resourceId: string): void {
    const count = this.listedUsersOf(resourceId).length;
    for (const [key, node] of this.rangeNodes) {
      if (node.resource.id === resourceId && (node.start >= count || count <= RANGE_THRESHOLD)) {
        this.rangeNodes.delete(key);
      }
    }
  }

  /** Names the nodes a change touched; their parents' lists are re-read, never the disk. */
  private recordsChanged(change: RecordChange): void {
    this.maybeGone.all ||= change.resources;
    change.users.forEach((key) => this.maybeGone.users.add(key));
    if (change.resources) {
      this.listedUsers.clear();
      this.queue(undefined);
    }
    for (const resourceId of change.usersOf) {
      this.listedUsers.delete(resourceId);
      this.forgetEmptyRanges(resourceId);
      const node = this.resourceNodes.get(resourceId);
      if (node) {
        this.queue(node);
      }
    }
    for (const key of change.users) {
      const node = this.userNodes.get(key);
      if (node) {
        this.queue(node);
        this.watchExpiries([node]);
      }
    }
  }

  /** Coalesces the refreshes of one turn of the event loop (a bulk command changes thousands of records). */
  private queue(node: IdentityNode | undefined): void {
    if (!this.pending) {
      this.pending = { root: false, nodes: new Set() };
      setImmediate(() => this.flush());
    }
    if (node === undefined) {
      this.pending.root = true;
    } else {
      this.pending.nodes.add(node);
    }
  }

  private flush(): void {
    const pending = this.pending;
    this.pending = undefined;
    if (!pending) {
      return;
    }
    this.forgetRemovedNodes(pending.root);
    if (pending.root) {
      // The tree's clock may have moved, or anything changed: look at every expiry again.
      this.nextExpiryMs = Infinity;
      this.watchExpiries(this.userNodes.values());
      this.changeEmitter.fire(undefined);
    } else {
      // A resource re-rendered re-renders what is listed under it too.
      const resources = new Set([...pending.nodes].filter((node) => node.kind === 'resource'));
      for (const node of pending.nodes) {
        if (node.kind !== 'user' || !resources.has(resourceNodeOf(node))) {
          this.changeEmitter.fire(node);
        }
      }
    }
    this.schedule();
  }

  /**
   * Nodes of records that are gone are dropped: a record added again gets a node of its own. Only
   * the users a change named are looked at (a new user must not cost a look at thousands), all of
   * them after a change of resources or a full refresh.
   */
  private forgetRemovedNodes(everything: boolean): void {
    const records = this.registry.records;
    const { all, users } = this.maybeGone;
    this.maybeGone = { all: false, users: new Set() };
    if (all || everything) {
      for (const id of this.resourceNodes.keys()) {
        if (!records.resource(id)) {
          this.resourceNodes.delete(id);
        }
      }
    }
    for (const id of this.teamsUsersNodes.keys()) {
      if (!records.users(id).some((user) => user.kind === 'teamsUser')) {
        this.teamsUsersNodes.delete(id);
      }
    }
    const candidates: Iterable<[string, UserNode]> = all || everything ? this.userNodes : [...users].flatMap((key): [string, UserNode][] => {
      const node = this.userNodes.get(key);
      return node ? [[key, node]] : [];
    });
    for (const [key, node] of candidates) {
      if (!records.user(node.resource.id, node.user.userId)) {
        this.userNodes.delete(key);
        this.expandedUsers.delete(node);
      }
    }
  }

  /** Lowers the next expiry to watch for by these users' tokens (a full look happens at each self-refresh). */
  private watchExpiries(nodes: Iterable<UserNode>): void {
    const now = this.clock.now();
    for (const node of nodes) {
      this.nextExpiryMs = Math.min(this.nextExpiryMs, nextExpiry(node.tokens, now)?.getTime() ?? Infinity);
    }
  }

  /** The next moment a row changes by itself: a token expiring, or (while visible) an "expires in" minute of an expanded user passing. */
  private schedule(): void {
    const now = this.clock.now();
    let next = this.nextExpiryMs;
    if (this.visible) {
      const expandedTokens: TokenRecord[] = [];
      this.expandedUsers.forEach((node) => expandedTokens.push(...node.tokens));
      next = Math.min(next, nextMinuteTick(expandedTokens, now)?.getTime() ?? Infinity);
    }
    const at = Number.isFinite(next) ? new Date(next) : undefined;
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
      this.timer = setTimeout(() => this.tick(), delay);
    }
  }

  /** Re-renders the users whose rows read differently now than at their last render, then looks at every expiry again. */
  private tick(): void {
    this.timer = undefined;
    this.timerDue = undefined;
    this.scheduledAt = undefined;
    const now = this.clock.now();
    const since = this.lastTickAt;
    this.lastTickAt = now.getTime();
    for (const node of this.userNodes.values()) {
      const showsTime = this.visible && this.expandedUsers.has(node);
      if (node.tokens.some((token) => (showsTime && tokenStatus(token, node.user, now) === 'valid') || expiredBetween(token, since, now))) {
        this.queue(node);
      }
    }
    this.nextExpiryMs = Infinity;
    this.watchExpiries(this.userNodes.values());
    this.schedule();
  }

  private clearTimer(): void {
    if (this.timer) {
      clearTimeout(this.timer);
    }
    this.timer = undefined;
    this.timerDue = undefined;
    this.scheduledAt = undefined;
  }
}

/** Expired since the last self-refresh: its row still says it is valid. */
function expiredBetween(token: TokenRecord, since: number, now: Date): boolean {
  const expiry = Date.parse(token.expiresOn);
  return expiry > since && expiry <= now.getTime();
}

function cached<T>(nodes: Map<string, T>, key: string, create: () => T): T {
  let node = nodes.get(key);
  if (!node) {
    node = create();
    nodes.set(key, node);
  }
  return node;
}
