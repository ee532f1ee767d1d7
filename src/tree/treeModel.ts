// What the tree decides without vscode, so that it can be unit-tested: its context values.
import { tokenStatus, type TokenStatus } from '../core/tokenStatus';
import { authenticationOf, type ResourceRecord, type TokenRecord, type UserRecord } from '../core/records';
import { buildContextValue, ContextValueBase } from './contextValues';

export function resourceContextValue(resource: Pick<ResourceRecord, 'isLocalEmulator' | 'authentication' | 'azure'>): string {
  return buildContextValue(ContextValueBase.resource, {
    localEmulator: resource.isLocalEmulator,
    fromAzure: resource.azure !== undefined,
    entraId: authenticationOf(resource) === 'entraId',
  });
}

export function userContextValue(user: UserRecord, tokens: readonly TokenRecord[], now: Date): string {
  return buildContextValue(user.kind === 'teamsUser' ? ContextValueBase.teamsUser : ContextValueBase.user, {
    damaged: user.damaged === true,
    hasToken: tokens.length > 0,
    hasValidToken: tokens.some((token) => tokenStatus(token, user, now) === 'valid'),
  });
}

export function tokenContextValue(status: TokenStatus): string {
  return buildContextValue(ContextValueBase.token, { [status]: true });
}
