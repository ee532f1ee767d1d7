import * as vscode from 'vscode';
import { BULK_COUNT, isValidBulkCount } from '../core/bulkLimits';
import { TOKEN_LIFETIME_MINUTES, TOKEN_SCOPES, isValidTokenLifetime, type TokenScope } from '../shared/scopes';
import { labelTooLong } from '../core/displayText';
import { tokenStatus } from '../core/tokenStatus';
import { parseUserIdInput } from '../core/userIdInput';
import type { Registry } from '../storage/registry';
import type { ResourceRecord, TokenRecord, UserRecord } from '../core/records';
import { scopesText, summarizeUser } from '../core/userSummary';
import type { Config } from '../platform/config';
import { describeUserIdProblem, formatDate, formatNumber, labelTooLongText, scopeDescription, tokenStatusText, validTokensText } from '../platform/wording';
import type { MessageAction, Messages } from './messages';
import type { PickItem, Prompter } from './prompts';

/**
 * The questions commands ask from the palette, each with a sensible answer on Enter: the only
 * resource is taken without asking, scopes are preselected from the settings, the lifetime is
 * prefilled, the label may stay empty.
 */
export class Pickers {
  constructor(
    private readonly registry: Registry,
    private readonly prompter: Prompter,
    private readonly messages: Messages,
    private readonly config: Config,
    private readonly addResourceAction: () => MessageAction,
  ) {}

  async resource(title: string): Promise<ResourceRecord | undefined> {
    const resources = await this.registry.listResources();
    if (resources.length === 0) {
      this.messages.warn(vscode.l10n.t('There is no Communication Services resource yet: add one first.'), this.addResourceAction());
      return undefined;
    }
    return this.resourceAmong(resources, title);
  }

  /** One of these resources (at least one): the only one, or the one the person picks. */
  async resourceAmong(resources: readonly ResourceRecord[], title: string): Promise<ResourceRecord | undefined> {
    if (resources.length === 1) {
      return resources[0];
    }
    return this.prompter.pickOne(
      resources.map((resource) => ({ label: resource.name, description: resource.host, value: resource, answerId: resource.id })),
      { title, placeHolder: vscode.l10n.t('Choose a resource') },
    );
  }

  async user(resource: ResourceRecord, title: string): Promise<UserRecord | undefined> {
    const users = await this.registry.listUsers(resource.id);
    if (users.length === 0) {
      this.messages.info(vscode.l10n.t('No users are recorded for "{0}" yet.', resource.name));
      return undefined;
    }
    const now = new Date();
    const items: PickItem<UserRecord>[] = await Promise.all(
      users.map(async (user) => {
        const summary = summarizeUser(user, await this.registry.listTokens(resource.id, user.userId), now);
        return {
          label: summary.displayName,
          description: validTokensText(summary.validTokenCount),
          detail: user.userId,
          value: user,
          answerId: user.userId,
        };
      }),
    );
    return this.prompter.pickOne(items, { title, placeHolder: vscode.l10n.t('Choose a user of "{0}"', resource.name) });
  }

  /** A token of the user; skipped when it has one. Newest first. */
  async token(user: UserRecord, tokens: readonly TokenRecord[], title: string): Promise<TokenRecord | undefined> {
    if (tokens.length <= 1) {
      return tokens[0];
    }
    const now = new Date();
    return this.prompter.pickOne(
      tokens.map((token) => ({
        label: scopesText(token),
        description: tokenStatusText(token, tokenStatus(token, user, now), now),
        detail: vscode.l10n.t('Issued {0}', formatDate(token.issuedAt)),
        value: token,
        answerId: token.tokenId,
      })),
      { title, placeHolder: vscode.l10n.t('Choose a token') },
    );
  }

  /** Multi-select of the five scopes, preselected from `acsIdentity.defaultScopes`; an empty choice is refused. */
  async scopes(title: string): Promise<TokenScope[] | undefined> {
    const preselected = new Set(this.config.defaultScopes);
    const items: PickItem<TokenScope>[] = TOKEN_SCOPES.map((scope) => ({
      label: scope,
      description: scopeDescription(scope),
      picked: preselected.has(scope),
      value: scope,
    }));
    for (;;) {
      const picked = await this.prompter.pickMany(items, { title, placeHolder: vscode.l10n.t('Scopes of the token') });
      if (picked === undefined) {
        return undefined;
      }
      if (picked.length > 0) {
        // In the service's order, whatever the order of the clicks.
        return TOKEN_SCOPES.filter((scope) => picked.includes(scope));
      }
      this.messages.warn(vscode.l10n.t('Choose at least one scope: the service does not issue a token without scopes.'));
    }
  }

  /** Minutes, prefilled from `acsIdentity.tokenLifetimeMinutes`. */
  async lifetime(title: string): Promise<number | undefined> {
    const text = await this.prompter.input({
      title,
      prompt: vscode.l10n.t('Token lifetime in minutes, from {0} (1 hour) to {1} (24 hours)', TOKEN_LIFETIME_MINUTES.min, TOKEN_LIFETIME_MINUTES.max),
      value: String(this.config.tokenLifetimeMinutes),
      validate: lifetimeProblem,
    });
    return text === undefined ? undefined : Number(text.trim());
  }

  /** An optional label: Enter with nothing gives `''` (no label), Escape gives undefined (cancel). */
  label(title: string, value?: string): Promise<string | undefined> {
    return this.prompter.input({
      title,
      prompt: vscode.l10n.t('A label to recognize the user in the list (optional; only stored in VS Code)'),
      placeHolder: vscode.l10n.t('e.g. alice (test caller)'),
      value,
      validate: (text) => {
        const length = labelTooLong(text);
        return length === undefined ? undefined : labelTooLongText(length);
      },
    });
  }

  /** How many users a bulk creation makes. */
  async bulkCount(title: string): Promise<number | undefined> {
    const text = await this.prompter.input({
      title,
      prompt: vscode.l10n.t('How many users to create, from 1 to {0}', formatNumber(BULK_COUNT.max)),
      value: '100',
      validate: (value) => (isValidBulkCount(Number(value.trim())) ? undefined : vscode.l10n.t('Enter a whole number from 1 to {0}.', formatNumber(BULK_COUNT.max))),
    });
    return text === undefined ? undefined : Number(text.trim());
  }

  /** The start of the bulk-created users' labels: Enter with nothing gives `''` (no labels), Escape undefined. */
  labelPrefix(title: string): Promise<string | undefined> {
    return this.prompter.input({
      title,
      prompt: vscode.l10n.t('A label prefix: the users are labelled <prefix>001, <prefix>002, … (optional)'),
      placeHolder: vscode.l10n.t('e.g. load-test-'),
    });
  }

  /** Whether each bulk-created user also gets a token. */
  withTokens(title: string): Promise<boolean | undefined> {
    return this.prompter.pickOne(
      [
        { label: vscode.l10n.t('With a token each'), detail: vscode.l10n.t('Scopes and lifetime are asked next'), value: true, answerId: 'tokens' },
        { label: vscode.l10n.t('Users only'), value: false, answerId: 'usersOnly' },
      ],
      { title, placeHolder: vscode.l10n.t('Issue a token for each user?') },
    );
  }

  userId(title: string): Promise<string | undefined> {
    return this.prompter.input({
      title,
      prompt: vscode.l10n.t('The ID of an existing Communication Services user'),
      placeHolder: '8:acs:…',
      validate: (value) => {
        const parsed = parseUserIdInput(value);
        return parsed.ok ? undefined : describeUserIdProblem(parsed.problem);
      },
    });
  }
}

export function lifetimeProblem(value: string): string | undefined {
  const trimmed = value.trim();
  if (trimmed === '' || !isValidTokenLifetime(Number(trimmed))) {
    return vscode.l10n.t('Enter a whole number of minutes from {0} to {1}.', TOKEN_LIFETIME_MINUTES.min, TOKEN_LIFETIME_MINUTES.max);
  }
  return undefined;
}
