import * as vscode from 'vscode';
import { resourceTokens, type ResourceInUse } from '../core/resourceInUse';
import type { TokenRecord } from '../core/records';
import { nextRefreshTime } from '../core/tokenStatus';
import { userDisplayName } from '../core/userSummary';
import type { Clock } from '../platform/clock';
import { CONFIG_SECTION, ConfigKey, type Config } from '../platform/config';
import { formatDate, timeLeftText, tokenScopesText } from '../platform/wording';
import type { Registry } from '../storage/registry';

/** Under this much time left, the item turns to the warning colour. */
const WARNING_MS = 10 * 60_000;

/** What the item shows now (for the test seam: VS Code cannot be asked). */
export interface TokenStatusBarState {
  readonly visible: boolean;
  readonly text: string;
  readonly tooltip: string;
  /** True when the soonest token expires in less than 10 minutes. */
  readonly warning: boolean;
  readonly command?: { readonly command: string; readonly arguments?: readonly unknown[] };
}

/**
 * The status bar item "ACS Identities: Token Expiry": the resource in use and the time its soonest
 * token has left, in the warning colour under 10 minutes; a click copies the resource's newest
 * valid token (or, with none, shows the view). Hidden when no resource is listed, or by the setting
 * `acsIdentity.statusBar.enabled`. It re-renders from the records in memory (never the disk) when
 * they change, and by itself when a minute of the soonest token passes or a token expires.
 */
export class TokenStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('acsIdentity.tokenExpiry', vscode.StatusBarAlignment.Right, 100);
  private readonly subscriptions: { dispose(): void }[];
  private timer: NodeJS.Timeout | undefined;
  private queued = false;
  private current: TokenStatusBarState = { visible: false, text: '', tooltip: '', warning: false };

  constructor(
    private readonly registry: Registry,
    private readonly inUse: ResourceInUse,
    private readonly config: Config,
    private readonly clock: Clock,
    /** What a click runs: the command that copies a token, and the one that shows the view. */
    private readonly commands: { readonly copyToken: string; readonly showView: string },
  ) {
    this.item.name = vscode.l10n.t('ACS Identities: Token Expiry');
    this.subscriptions = [
      registry.onDidChange(() => this.queueRefresh()),
      inUse.onDidChange(() => this.queueRefresh()),
      vscode.workspace.onDidChangeConfiguration((event) => event.affectsConfiguration(`${CONFIG_SECTION}.${ConfigKey.statusBarEnabled}`) && this.refresh()),
    ];
    registry.whenLoaded().then(
      () => this.refresh(),
      () => undefined, // the view says the records could not be read
    );
  }

  get state(): TokenStatusBarState {
    return this.current;
  }

  refresh(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const records = this.registry.records;
    const resource = this.config.statusBarEnabled ? this.inUse.resolve(records) : undefined;
    if (!resource) {
      this.item.hide();
      this.current = { visible: false, text: '', tooltip: '', warning: false };
      return;
    }
    const now = this.clock.now();
    const { soonest, newest, all } = resourceTokens(records, resource.id, now);
    const warning = soonest !== undefined && Date.parse(soonest.token.expiresOn) - now.getTime() < WARNING_MS;
    const text = `$(key) ${
      soonest ? vscode.l10n.t('ACS {0}: {1}', resource.name, timeLeftText(soonest.token, now)) : vscode.l10n.t('ACS {0}: no valid token', resource.name)
    }`;
    const tooltip = [
      vscode.l10n.t('Resource in use: {0} ({1})', resource.name, resource.host),
      soonest ? vscode.l10n.t('Soonest expiry: a token of {0} ({1}), in {2}, {3}', userDisplayName(soonest.user), tokenScopesText(soonest.token), timeLeftText(soonest.token, now), formatDate(soonest.token.expiresOn)) : vscode.l10n.t('No valid token.'),
      newest ? vscode.l10n.t('Click to copy the newest valid token, of {0} ({1}).', userDisplayName(newest.user), tokenScopesText(newest.token)) : vscode.l10n.t('Click to show the Identities view.'),
    ].join('\n');
    // The token is named by its ids, as code names it: the value is read only when it is copied.
    const command: vscode.Command = newest
      ? { command: this.commands.copyToken, title: vscode.l10n.t('Copy Token'), arguments: [{ resource: resource.id, userId: newest.user.userId, tokenId: newest.token.tokenId }] }
      : { command: this.commands.showView, title: vscode.l10n.t('Show the Identities view') };
    this.item.text = text;
    this.item.tooltip = tooltip;
    this.item.backgroundColor = warning ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.command = command;
    this.item.show();
    this.current = { visible: true, text, tooltip, warning, command: { command: command.command, arguments: command.arguments } };
    this.schedule(all, soonest ? [soonest.token] : [], now);
  }

  dispose(): void {
    this.queued = false;
    clearTimeout(this.timer);
    this.subscriptions.forEach((subscription) => subscription.dispose());
    this.item.dispose();
  }

  /** Once per turn of the event loop, however many changes it brought (a bulk command records thousands). */
  private queueRefresh(): void {
    if (!this.queued) {
      this.queued = true;
      setImmediate(() => {
        if (this.queued) {
          this.queued = false;
          this.refresh();
        }
      });
    }
  }

  /** Again when a minute of the time left shown passes, or a token expires (a little after, so that it certainly has). */
  private schedule(tokens: readonly TokenRecord[], timeShown: readonly TokenRecord[], now: Date): void {
    const at = nextRefreshTime(tokens, now, timeShown);
    if (at) {
      this.timer = setTimeout(() => this.refresh(), Math.max(0, at.getTime() - now.getTime()) + 250);
    }
  }
}
