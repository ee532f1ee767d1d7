// The tree's elements: plain data, built by the provider from the registry's records.
// Commands receive them when run from the tree, so `isIdentityNode` tells a node from the options
// object a command receives from `executeCommand`. This module must not import vscode.
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

export interface UserNode extends NodeBase {
  readonly kind: 'user';
  readonly parent: ResourceNode;
  readonly resource: ResourceRecord;
  readonly user: UserRecord;
  /** Newest first, as the registry lists them. */
  readonly tokens: readonly TokenRecord[];
}

export interface TokenNode extends NodeBase {
  readonly kind: 'token';
  readonly parent: UserNode;
  readonly resource: ResourceRecord;
  readonly user: UserRecord;
  readonly token: TokenRecord;
}

/** A row that says a level could not be read; never thrown from getChildren. */
export interface ErrorNode extends NodeBase {
  readonly kind: 'error';
  readonly parent?: ResourceNode | UserNode;
  readonly message: string;
}

export type IdentityNode = ResourceNode | UserNode | TokenNode | ErrorNode;

export function isIdentityNode(value: unknown): value is IdentityNode {
  return typeof value === 'object' && value !== null && (value as Partial<NodeBase>)[NODE_BRAND] === true;
}

export function resourceNode(resource: ResourceRecord): ResourceNode {
  return { [NODE_BRAND]: true, kind: 'resource', id: `resource/${resource.id}`, resource };
}

export function userNode(parent: ResourceNode, user: UserRecord, tokens: readonly TokenRecord[]): UserNode {
  return { [NODE_BRAND]: true, kind: 'user', id: `user/${user.resourceId}/${user.userId}`, parent, resource: parent.resource, user, tokens };
}

export function tokenNode(parent: UserNode, token: TokenRecord): TokenNode {
  return { [NODE_BRAND]: true, kind: 'token', id: `token/${token.resourceId}/${token.tokenId}`, parent, resource: parent.resource, user: parent.user, token };
}

export function errorNode(message: string, parent?: ResourceNode | UserNode): ErrorNode {
  return { [NODE_BRAND]: true, kind: 'error', id: `error/${parent?.id ?? 'root'}`, parent, message };
}
