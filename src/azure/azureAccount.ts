import type { AzureCoordinates } from '../core/records';
import { decodeJwt } from '../core/tokenClaims';
import { AzureFailure, isAzureFailure } from './azureFailure';
import { ArmClient, type AzureSubscription, type AzureTenant, type CommunicationServiceResource } from './armClient';
import type { AzureCloud, CloudResolution } from './cloud';
import { subscriptionFilter } from './subscriptionFilter';

/** The scope of the identity API's tokens: the double slash is what the SDK asks for (communication-common's auth policy). */
export const COMMUNICATION_SCOPE = 'https://communication.azure.com//.default';

export interface SessionAccount {
  readonly id: string;
  readonly label: string;
}

export interface ProviderSession {
  readonly accessToken: string;
  readonly account: SessionAccount;
}

/**
 * - `silent`: never any UI; no session means not signed in.
 * - `interactive`: VS Code signs the person in when needed (its consent dialog, its browser flow).
 * - `chooseAccount`: the same, and VS Code forgets which account this extension used, so the person may pick another.
 */
export type SessionMode = 'silent' | 'interactive' | 'chooseAccount';

/** VS Code's authentication API as the account needs it (signIn/vsCodeSessions.ts gives it; tests give their own). */
export interface SessionSource {
  getSession(providerId: string, scopes: readonly string[], mode: SessionMode): Promise<ProviderSession | undefined>;
}

/** Whether the person signed out in this extension: kept across restarts, cleared by the next sign-in. */
export interface SignedOutFlag {
  readonly value: boolean;
  set(value: boolean): Promise<void>;
}

/** Structurally `TokenCredential` of @azure/core-auth, which the identity SDK takes. */
export interface SessionCredential {
  getToken(scopes: string | string[], options?: { tenantId?: string }): Promise<{ token: string; expiresOnTimestamp: number }>;
}

/** Whether a call may show VS Code's sign-in: only when the person is there to answer it. */
export type Interaction = 'interactive' | 'silent';

export interface AzureAccountOptions {
  readonly sessions: SessionSource;
  /** Read at every call: the cloud settings may change at any time. */
  readonly cloud: () => CloudResolution;
  /** The value of `azureResourceGroups.selectedSubscriptions`, read at every listing. */
  readonly selectedSubscriptions: () => unknown;
  readonly signedOut: SignedOutFlag;
  readonly fetch?: typeof fetch;
  readonly now?: () => number;
}

export type SessionChange = { readonly kind: 'signedOut' | 'switched'; readonly previous: SessionAccount };

/**
 * The person's Azure account as the extension uses it: VS Code holds the sessions (the extension
 * stores no token, password or refresh token); this asks it for a token per tenant and audience
 * when one is needed, lists tenants, subscriptions and Communication Services resources through
 * Resource Manager, and remembers those lists until the account, the cloud or the sign-in changes.
 */
export class AzureAccount {
  private known: { readonly cloud: AzureCloud; readonly account: SessionAccount } | undefined;
  private lastCloud: string | undefined;
  private tenantList: readonly AzureTenant[] | undefined;
  private readonly subscriptionLists = new Map<string, readonly AzureSubscription[]>();
  private readonly now: () => number;

  constructor(private readonly options: AzureAccountOptions) {
    this.now = options.now ?? Date.now;
  }

  /** The account last seen, in this window, since the last change of sign-in. */
  get account(): SessionAccount | undefined {
    return this.known?.account;
  }

  /** Signs in through VS Code (its dialog when needed); `chooseAccount` lets the person pick another account. */
  async signIn(options: { chooseAccount?: boolean } = {}): Promise<SessionAccount> {
    const cloud = this.cloud();
    await this.sessionToken(cloud, cloud.managementScope, undefined, options.chooseAccount ? 'chooseAccount' : this.interactiveMode());
    return this.known!.account;
  }

  /**
   * Forgets the account and every list, and asks no session until the next sign-in. VS Code
   * keeps its own session (other extensions use it): only the person can remove it, from the
   * Accounts menu; VS Code has no API for it.
   */
  async signOut(): Promise<SessionAccount | undefined> {
    const previous = this.known?.account;
    this.forget();
    await this.options.signedOut.set(true);
    return previous;
  }

  /** VS Code's sessions changed (a sign-out from the Accounts menu, another account): what it means for the one in use. */
  async checkSession(): Promise<SessionChange | undefined> {
    const known = this.known;
    if (!known) {
      return undefined;
    }
    let session: ProviderSession | undefined;
    try {
      session = await this.options.sessions.getSession(known.cloud.providerId, [known.cloud.managementScope], 'silent');
    } catch {
      session = undefined;
    }
    if (session?.account.id === known.account.id) {
      return undefined;
    }
    this.forget();
    if (session) {
      this.known = { cloud: known.cloud, account: session.account };
      return { kind: 'switched', previous: known.account };
    }
    return { kind: 'signedOut', previous: known.account };
  }

  /** Drops the account and the lists (the next call asks VS Code and Resource Manager again). */
  forget(): void {
    this.known = undefined;
    this.tenantList = undefined;
    this.subscriptionLists.clear();
  }

  async tenants(interaction: Interaction, signal?: AbortSignal): Promise<{ tenants: readonly AzureTenant[]; filtered: boolean }> {
    const cloud = this.cloud();
    this.tenantList ??= await this.arm(cloud, undefined, interaction, (client, token) => client.listTenants(token, signal));
    const filter = subscriptionFilter(this.options.selectedSubscriptions());
    return { tenants: this.tenantList.filter((tenant) => filter.showsTenant(tenant.tenantId)), filtered: filter.active };
  }

  async subscriptions(tenantId: string, interaction: Interaction, signal?: AbortSignal): Promise<{ subscriptions: readonly AzureSubscription[]; filtered: boolean }> {
    const cloud = this.cloud();
    let listed = this.subscriptionLists.get(tenantId);
    if (!listed) {
      listed = await this.arm(cloud, tenantId, interaction, (client, token) => client.listSubscriptions(token, signal));
      this.subscriptionLists.set(tenantId, listed);
    }
    const filter = subscriptionFilter(this.options.selectedSubscriptions());
    return { subscriptions: listed.filter((subscription) => filter.showsSubscription(tenantId, subscription.subscriptionId)), filtered: filter.active };
  }

  /** Not remembered: resources come and go more often than subscriptions. */
  communicationServices(subscription: Pick<AzureSubscription, 'subscriptionId' | 'tenantId'>, interaction: Interaction, signal?: AbortSignal): Promise<CommunicationServiceResource[]> {
    return this.arm(this.cloud(), subscription.tenantId, interaction, (client, token) => client.listCommunicationServices(subscription.subscriptionId, token, signal));
  }

  /**
   * The resource a Resource Manager id names, as Resource Manager lists it, with its directory
   * (found among the account's when not given).
   */
  async communicationService(
    resourceId: string,
    tenantId: string | undefined,
    interaction: Interaction,
    signal?: AbortSignal,
  ): Promise<{ readonly resource: CommunicationServiceResource; readonly tenantId: string } | 'invalidId' | 'notFound'> {
    const wanted = communicationServiceIdParts(resourceId);
    if (!wanted) {
      return 'invalidId';
    }
    const tenant = tenantId ?? (await this.tenantOf(wanted.subscriptionId, interaction, signal));
    if (!tenant) {
      return 'notFound';
    }
    const listed = await this.communicationServices({ subscriptionId: wanted.subscriptionId, tenantId: tenant }, interaction, signal);
    const resource = listed.find((candidate) => sameName(candidate.resourceGroup, wanted.resourceGroup) && sameName(candidate.name, wanted.name));
    return resource ? { resource, tenantId: tenant } : 'notFound';
  }

  /**
   * The resource's current connection string (its primary key), through listKeys. `endpoint` is
   * the data plane's, for an answer that has the key but no connection string.
   */
  async connectionString(resource: AzureCoordinates, endpoint: string, interaction: Interaction, signal?: AbortSignal): Promise<string> {
    const keys = await this.arm(this.cloud(), resource.tenantId, interaction, (client, token) => client.listKeys(resource, token, signal));
    const connectionString = keys.primaryConnectionString ?? (keys.primaryKey && `endpoint=${endpoint};accesskey=${keys.primaryKey}`);
    if (!connectionString) {
      throw new AzureFailure('unexpectedAnswer', { message: 'listKeys answered without a primary key' });
    }
    return connectionString;
  }

  private async tenantOf(subscriptionId: string, interaction: Interaction, signal: AbortSignal | undefined): Promise<string | undefined> {
    for (const tenant of (await this.tenants(interaction, signal)).tenants) {
      const { subscriptions } = await this.subscriptions(tenant.tenantId, interaction, signal);
      if (subscriptions.some((subscription) => sameName(subscription.subscriptionId, subscriptionId))) {
        return tenant.tenantId;
      }
    }
    return undefined;
  }

  /** A credential for the identity SDK: each token comes from VS Code's session for the resource's tenant, silently. */
  credential(tenantId: string): SessionCredential {
    return {
      getToken: async (scopes, options) => {
        const scope = (Array.isArray(scopes) ? scopes[0] : scopes) ?? COMMUNICATION_SCOPE;
        const token = await this.token(this.cloud(), scope, options?.tenantId ?? tenantId, 'silent');
        // Without a readable expiry, 0 makes the SDK ask again before each request (VS Code caches the session).
        return { token, expiresOnTimestamp: expiryOf(token) ?? 0 };
      },
    };
  }

  /**
   * A Resource Manager call with a token of the tenant. When Resource Manager finds the token
   * expired (its clock is not ours), VS Code is asked for a fresh one and the call made once more.
   */
  private async arm<T>(cloud: AzureCloud, tenantId: string | undefined, interaction: Interaction, call: (client: ArmClient, token: string) => Promise<T>): Promise<T> {
    const client = new ArmClient(cloud.resourceManagerEndpoint, this.options.fetch);
    const token = await this.token(cloud, cloud.managementScope, tenantId, interaction);
    try {
      return await call(client, token);
    } catch (error) {
      if (!(isAzureFailure(error) && error.status === 401 && error.code === 'ExpiredAuthenticationToken')) {
        throw error;
      }
      return call(client, await this.token(cloud, cloud.managementScope, tenantId, interaction, token));
    }
  }

  /**
   * A token for `scope` in `tenantId` (the account's home tenant when absent). A token that has
   * expired, or that was just refused, is asked for once more: VS Code renews tokens, and may have
   * done so since. One that stays stale means VS Code could not renew it.
   */
  private async token(cloud: AzureCloud, scope: string, tenantId: string | undefined, interaction: Interaction, refused?: string): Promise<string> {
    for (let attempt = 0; attempt < 2; attempt++) {
      const token = await this.sessionToken(cloud, scope, tenantId, interaction === 'silent' ? 'silent' : this.interactiveMode());
      if (token !== refused && !this.hasExpired(token)) {
        return token;
      }
    }
    throw new AzureFailure('sessionExpired');
  }

  private async sessionToken(cloud: AzureCloud, scope: string, tenantId: string | undefined, mode: SessionMode): Promise<string> {
    if (mode === 'silent' && this.options.signedOut.value) {
      throw new AzureFailure('signInRequired');
    }
    let session: ProviderSession | undefined;
    try {
      session = await this.options.sessions.getSession(cloud.providerId, tenantId ? [scope, `VSCODE_TENANT:${tenantId}`] : [scope], mode);
    } catch (error) {
      throw signInFailure(error);
    }
    if (!session) {
      throw new AzureFailure('signInRequired');
    }
    if (mode !== 'silent' && this.options.signedOut.value) {
      await this.options.signedOut.set(false);
    }
    if (this.known?.account.id !== session.account.id) {
      // Another account: what was listed for the previous one is not this one's.
      this.forget();
    }
    this.known = { cloud, account: session.account };
    return session.accessToken;
  }

  /** After a sign-out in this extension, the next sign-in lets the person choose the account. */
  private interactiveMode(): SessionMode {
    return this.options.signedOut.value ? 'chooseAccount' : 'interactive';
  }

  /** The cloud the settings name now; a different one than before drops what was listed in the other. */
  private cloud(): AzureCloud {
    const resolution = this.options.cloud();
    if (!resolution.ok) {
      throw new AzureFailure('cloudSettings', { cloudProblem: resolution.problem });
    }
    const key = `${resolution.cloud.providerId} ${resolution.cloud.resourceManagerEndpoint} ${resolution.cloud.managementScope}`;
    if (this.lastCloud !== undefined && this.lastCloud !== key) {
      this.forget();
    }
    this.lastCloud = key;
    return resolution.cloud;
  }

  private hasExpired(token: string): boolean {
    const expiry = expiryOf(token);
    return expiry !== undefined && expiry <= this.now();
  }
}

/** `/subscriptions/{s}/resourceGroups/{rg}/providers/Microsoft.Communication/communicationServices/{name}`, any case. */
function communicationServiceIdParts(resourceId: string): Omit<AzureCoordinates, 'tenantId'> | undefined {
  const match = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/Microsoft\.Communication\/communicationServices\/([^/]+)\/?$/i.exec(resourceId.trim());
  return match ? { subscriptionId: decodeURIComponent(match[1]), resourceGroup: decodeURIComponent(match[2]), name: decodeURIComponent(match[3]) } : undefined;
}

/** Resource Manager's names and ids compare without regard to case. */
function sameName(left: string, right: string): boolean {
  return left.toLowerCase() === right.toLowerCase();
}

/** When a token expires, from its `exp` claim (milliseconds); undefined when it does not say. Used only to decide when to ask again. */
function expiryOf(token: string): number | undefined {
  const decoded = decodeJwt(token);
  const exp = decoded.ok ? decoded.claims.exp : undefined;
  return typeof exp === 'number' && Number.isFinite(exp) ? exp * 1000 : undefined;
}

/**
 * VS Code's getSession rejects when the person closes its dialog ("User did not consent to
 * login.", or a cancellation) and for other reasons (no provider for the cloud, a network error):
 * the first is no failure to report.
 */
function signInFailure(error: unknown): AzureFailure {
  const { name, message } = error instanceof Error ? error : { name: '', message: String(error) };
  const cancelled = name === 'Canceled' || /did not consent|cancel/i.test(message);
  return new AzureFailure(cancelled ? 'signInCancelled' : 'signInFailed', { message, cause: error });
}
