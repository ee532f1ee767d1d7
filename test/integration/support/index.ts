// Shared helpers of the integration tests: they run inside the real extension host, drive the
// extension through `executeCommand` and read what a person would see through the test seam
// (tree items, notifications) and through VS Code itself (clipboard, documents).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { RunningEmulator } from '../../../src/emulator';
import type { AcsIdentityTestApi } from '../../../src/testApi';
import type { IdentityNode } from '../../../src/tree/nodes';
import type { ShownMessage } from '../../../src/ui/messages';
import { ScriptedPrompter } from './scriptedPrompter';

export const EXTENSION_ID = 'acs-tools.acs-identity';

/**
 * The extension's test API plus what the tests record through it: every message shown, and a
 * scripted prompter that answers every question (an unscripted question fails the test).
 */
export interface Harness extends AcsIdentityTestApi {
  readonly messages: readonly ShownMessage[];
  /** Every line written to the log channel since the tests started. */
  readonly logLines: readonly string[];
  clearMessages(): void;
  readonly prompts: ScriptedPrompter;
  readSecret(key: string): Promise<string | undefined>;
}

let harness: Harness | undefined;

export async function getApi(): Promise<Harness> {
  if (harness) {
    return harness;
  }
  const extension = vscode.extensions.getExtension<AcsIdentityTestApi | undefined>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed`);
  const api = await extension.activate();
  assert.ok(api, 'the extension did not return its test API (it is returned in ExtensionMode.Test only)');
  const messages: ShownMessage[] = [];
  const logLines: string[] = [];
  const prompts = new ScriptedPrompter();
  // For the whole run: this extension host exists for the tests.
  api.onDidShowMessage((message) => messages.push(message));
  api.onDidLog((line) => logLines.push(line));
  api.usePrompter(prompts);
  harness = Object.assign(Object.create(api) as AcsIdentityTestApi, {
    messages,
    logLines,
    clearMessages: () => {
      messages.length = 0;
    },
    prompts,
    readSecret: async (key: string) => {
      await api.whenIdle();
      return api.secrets.get(key);
    },
  });
  return harness;
}


/** Runs a command as code does (an options object), or as the tree does (the clicked node, then the selection). */
export function run<T = unknown>(command: string, ...args: unknown[]): Promise<T> {
  return Promise.resolve(vscode.commands.executeCommand<T>(command, ...args));
}

/** Removes every resource (and so every user and secret) through the extension itself. */
export async function removeAllResources(api: Harness): Promise<void> {
  for (const node of await api.tree.getChildren()) {
    if (node.kind === 'resource') {
      await run('acsIdentity.removeResource', { resource: node.resource.id });
    }
  }
  assert.deepEqual(await api.tree.getChildren(), []);
}

export async function addEmulatorResource(api: Harness, emulator: RunningEmulator, name: string): Promise<string> {
  const result = await run<{ resourceId: string; name: string } | undefined>('acsIdentity.addResource', { connectionString: emulator.connectionString, name });
  assert.ok(result, `adding ${name} failed: ${lastMessageText(api)}`);
  return result.resourceId;
}

/** What a row shows: label, description, tooltip and context value. */
export interface Row {
  readonly label: string;
  readonly description: string;
  readonly tooltip: string;
  readonly contextValue: string;
  readonly node: IdentityNode;
}

export function row(api: Harness, node: IdentityNode): Row {
  const item = api.tree.getTreeItem(node);
  const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
  const tooltip = typeof item.tooltip === 'string' ? item.tooltip : (item.tooltip?.value ?? '');
  return { label, description: typeof item.description === 'string' ? item.description : '', tooltip, contextValue: item.contextValue ?? '', node };
}

export async function children(api: Harness, node?: IdentityNode): Promise<Row[]> {
  return (await api.tree.getChildren(node)).map((child) => row(api, child));
}

export async function resourceRow(api: Harness, name: string): Promise<Row> {
  const found = (await children(api)).find((candidate) => candidate.label === name);
  assert.ok(found, `no resource "${name}" in the tree`);
  return found;
}

export async function userRows(api: Harness, resourceName: string): Promise<Row[]> {
  return children(api, (await resourceRow(api, resourceName)).node);
}

export async function userRow(api: Harness, resourceName: string, userId: string): Promise<Row> {
  const found = (await userRows(api, resourceName)).find((candidate) => candidate.node.kind === 'user' && candidate.node.user.userId === userId);
  assert.ok(found, `no user ${userId} under "${resourceName}"`);
  return found;
}

export async function tokenRows(api: Harness, resourceName: string, userId: string): Promise<Row[]> {
  return children(api, (await userRow(api, resourceName, userId)).node);
}

export function lastMessageText(api: Harness): string {
  return api.messages.at(-1)?.text ?? '';
}

/** The notifications and status-bar messages shown while `action` ran. */
export async function messagesDuring(api: Harness, action: () => Promise<unknown>): Promise<{ severity: string; text: string; actions: readonly string[] }[]> {
  const before = api.messages.length;
  await action();
  return api.messages.slice(before).map(({ severity, text, actions }) => ({ severity, text, actions }));
}

export async function waitFor(condition: () => Promise<boolean> | boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) {
      assert.fail(`timed out waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** No message ever shows a secret: not the key, not a token. */
export function assertNoSecretShown(api: Harness, secrets: readonly string[]): void {
  for (const message of api.messages) {
    for (const secret of secrets) {
      assert.ok(!message.text.includes(secret), `a message shows a secret: ${message.text}`);
    }
  }
  for (const prompt of api.prompts.records) {
    for (const secret of secrets) {
      const shown = [prompt.text, ...prompt.choices, ...prompt.descriptions];
      assert.ok(!shown.some((text) => text.includes(secret)), `a prompt shows a secret: ${prompt.text}`);
    }
  }
}

/** What each test starts from: no scripted answer left from the test before, no message. */
export function forgetPromptsAndMessages(api: Harness): void {
  api.prompts.clear();
  api.clearMessages();
}

/** What each test must end with: every scripted answer used, and no secret shown. */
export function assertTestEndedClean(api: Harness, secrets: readonly string[]): void {
  assert.equal(api.prompts.pending, 0, 'queued answers were left unused');
  assertNoSecretShown(api, secrets);
}

export const ENTER = { enter: true } as const;
export const ESCAPE = { escape: true } as const;
