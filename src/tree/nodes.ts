// The tree's elements. Each is created once per record and kept (VS Code re-renders an element by
// identity), and reads its record from the registry when asked, so that it is never stale: a
// refresh names the node whose record changed. Commands receive them when run from the tree, so
// `isIdentityNode` tells a node from the options object a command receives from `executeCommand`.
// This module must not import vscode.
import type { RecordReader } from '../core/recordState';
import type { ResourceRecord, TokenRecord, UserRecord } from '../core/records';

const NODE_BRAND: unique symbol = Symbol('acsIdentity.node');

interface NodeBase {
  readonly [NODE_BRAND]: true;
  /** Stable across refreshes: the tree keeps expansion and selection by it. */
  readonly id: string;
}

export interface ResourceNode extends NodeBase {
  readonly kind: 'resource';
  readonly resource: ResourceRecord;
}

/** The "Teams users" row of a resource: its Teams users are listed under it, apart from its ACS users. */
export interface TeamsUsersNode extends NodeBase {
  readonly kind: 'teamsUsers';
  readonly parent: ResourceNode;
  readonly resource: ResourceRecord;
}

/**
 * A row that holds a slice of the users of a resource that has many ("Users 101–200"), as a
 * debugger groups the items of a long array: the resource lists a hundred rows, not ten thousand.
 */
export interface UserRangeNode extends NodeBase {
  readonly kind: 'userRange';
  readonly parent: ResourceNode;
  readonly resource: ResourceRecord;
  /** Where its users start among the resource's users sorted by creation, 0-based. */
  readonly start: number;
  /** How many users it holds now (the last range of a resource fills up as users come). */
  readonly count: number;
}

export interface UserNode extends NodeBase {
  readonly kind: 'user';
  /** The resource, its range of users when it has many, or its "Teams users" row for a Teams user. */
  readonly parent: ResourceNode | UserRangeNode | TeamsUsersNode;
  readonly resource: ResourceRecord;
  readonly user: UserRecord;
  /** Newest first. */
  readonly tokens: readonly TokenRecord[];
}

export interface TokenNode extends NodeBase {
  readonly kind: 'token';
  readonly parent: UserNode;
  readonly resource: ResourceRecord;
  readonly user: UserRecord;
  readonly token: TokenRecord;
}

/** A row that says something could not be read; never thrown from getChildren. */
export interface ErrorNode extends NodeBase {
  readonly kind: 'error';
  readonly message: string;
}

/** A row that says some lines of the records could not be read, with a way to remove them. */
export interface DamagedNode extends NodeBase {
  readonly kind: 'damaged';
  readonly count: number;
}

export type IdentityNode = ResourceNode | UserRangeNode | TeamsUsersNode | UserNode | TokenNode | ErrorNode | DamagedNode;

export function isIdentityNode(value: unknown): value is IdentityNode {
  return typeof value === 'object' && value !== null && (value as Partial<NodeBase>)[NODE_BRAND] === true;
}

/** The record as it is now, or as it was last seen once it is gone (a command on a removed node names it). */
function live<T>(read: () => T | undefined, initial: T): () => T {
  let last = initial;
  return () => {
    last = read() ?? last;
    return last;
  };
}

export function resourceNode(records: RecordReader, resource: ResourceRecord): ResourceNode {
  const current = live(() => records.resource(resource.id), resource);
  return {
    [NODE_BRAND]: true,
    kind: 'resource',
    id: `resource/${resource.id}`,
    get resource() {
      return current();
    },
  };
}

export function teamsUsersNode(parent: ResourceNode): TeamsUsersNode {
  return {
    [NODE_BRAND]: true,
    kind: 'teamsUsers',
    id: `teamsUsers/${parent.resource.id}`,
    parent,
    get resource() {
      return parent.resource;
    },
  };
}

export function userRangeNode(parent: ResourceNode, start: number, count: () => number): UserRangeNode {
  return {
    [NODE_BRAND]: true,
    kind: 'userRange',
    id: `userRange/${parent.resource.id}/${start}`,
    parent,
    get resource() {
      return parent.resource;
    },
    start,
    get count() {
      return count();
    },
  };
}

/** The resource row a user row is listed under, directly or through its range or its "Teams users" row. */
export function resourceNodeOf(node: UserNode): ResourceNode {
  return node.parent.kind === 'resource' ? node.parent : node.parent.parent;
}

export function userNode(records: RecordReader, parent: ResourceNode | UserRangeNode | TeamsUsersNode, user: UserRecord): UserNode {
  const current = live(() => records.user(user.resourceId, user.userId), user);
  return {
    [NODE_BRAND]: true,
    kind: 'user',
    id: `user/${user.resourceId}/${user.userId}`,
    parent,
    get resource() {
      return parent.resource;
    },
    get user() {
      return current();
    },
    get tokens() {
      return records.tokens(user.resourceId, user.userId);
    },
  };
}

export function tokenNode(parent: UserNode, token: TokenRecord): TokenNode {
  return {
    [NODE_BRAND]: true,
    kind: 'token',
    id: `token/${token.resourceId}/${token.tokenId}`,
    parent,
    get resource() {
      return parent.resource;
    },
    get user() {
      return parent.user;
    },
    token,
  };
}

/** The one error row, at the top of the tree, for a list of resources that could not be read. */
export function errorNode(message: string): ErrorNode {
  return { [NODE_BRAND]: true, kind: 'error', id: 'error/root', message };
}

export function damagedNode(count: number): DamagedNode {
  return { [NODE_BRAND]: true, kind: 'damaged', id: 'damaged', count };
}
