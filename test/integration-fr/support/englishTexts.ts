// What catches a text left in English when VS Code speaks French: every template of
// l10n/bundle.l10n.json whose French differs becomes a pattern, and every text a person sees
// (messages and their buttons, prompts, the tree, the status bar) is checked against them. A
// template that the code bypasses, or a key the French bundle lacks, shows up here as English.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { row, type Harness } from '../../integration/support';
import type { IdentityNode } from '../../../src/tree/nodes';

export interface EnglishTemplate {
  readonly english: string;
  readonly pattern: RegExp;
}

/**
 * What a `{0}` stands for: any text that does not end with a no-break space. French puts one
 * before ":" ";" "?" "!", English never does, so "ACS {0}: {1}" does not match "ACS dev : 5 min".
 */
const PLACEHOLDER = '(?:[\\s\\S]*[^\\u00a0])?';
/** Two words or more: such a template is looked for inside a text (an English sentence in a French message). */
const SENTENCE = /[A-Za-z]{2,}[,:;.!?'"…-]* +[A-Za-z]{2,}/;

function readBundle(file: string): Record<string, string> {
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The English templates of the extension's bundle whose French is another text (not "JSON", not "{0} min"). */
export function englishTemplates(extensionPath: string): EnglishTemplate[] {
  const english = readBundle(path.join(extensionPath, 'l10n', 'bundle.l10n.json'));
  const french = readBundle(path.join(extensionPath, 'l10n', 'bundle.l10n.fr.json'));
  return Object.entries(english)
    .filter(([key, text]) => french[key] !== text)
    .map(([, text]) => {
      const body = text.split(/\{\d+\}/).map(escapeRegExp).join(PLACEHOLDER);
      // A word or two ("Remove", "Issued {0}") only as a whole text, or it would be found in names.
      const pattern = SENTENCE.test(text.replace(/\{\d+\}/g, ' ')) ? new RegExp(body) : new RegExp(`^${body}$`);
      return { english: text, pattern };
    });
}

/** The texts (or lines of them) that an English template matches, each with that template. */
export function englishIn(texts: Iterable<string>, templates: readonly EnglishTemplate[]): string[] {
  const found: string[] = [];
  for (const text of texts) {
    for (const part of new Set([text, ...text.split('\n')])) {
      const template = templates.find(({ pattern }) => pattern.test(part));
      if (template) {
        found.push(`${JSON.stringify(part)} is the English ${JSON.stringify(template.english)}`);
      }
    }
  }
  return found;
}

async function treeTexts(api: Harness, parent?: IdentityNode): Promise<string[]> {
  const texts: string[] = [];
  for (const node of await api.tree.getChildren(parent)) {
    const { label, description, tooltip } = row(api, node);
    texts.push(label, description, tooltip, ...(await treeTexts(api, node)));
  }
  return texts;
}

/**
 * Everything a person could read now: the messages shown and the questions asked since the last
 * clear (with their buttons, items, descriptions and validation messages), every row of the
 * tree, and the status bar item.
 */
export async function shownTexts(api: Harness): Promise<string[]> {
  const texts = [
    ...api.messages.flatMap(({ text, actions }) => [text, ...actions]),
    ...api.prompts.records.flatMap((prompt) => [prompt.text, ...prompt.choices, ...prompt.descriptions, ...prompt.validationMessages]),
    ...(await treeTexts(api)),
    ...(api.statusBar.visible ? [api.statusBar.text.replace(/^\$\([\w-]+\) /, ''), api.statusBar.tooltip] : []),
  ];
  return texts.filter((text) => text !== '');
}
