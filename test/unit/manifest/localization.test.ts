// Every string a person reads is localized: runtime strings through `vscode.l10n.t` (collected in
// l10n/bundle.l10n.json), manifest strings through package.nls.json, and every language has every
// key with the same placeholders. A text written straight into a message, a prompt or a tree row
// fails here.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { getL10nJson } from '@vscode/l10n-dev';
import * as ts from 'typescript';

const ROOT = path.resolve(__dirname, '../../../..');
const SRC = path.join(ROOT, 'src');

function readJson(file: string): Record<string, string> {
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
}

/** The extension's sources (the emulator is a command-line program with its own English output). */
function extensionSources(): { file: string; text: string }[] {
  return readdirSync(SRC, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => !path.relative(SRC, file).startsWith(`emulator${path.sep}`))
    .map((file) => ({ file, text: readFileSync(file, 'utf8') }));
}

/** `{0}`, `{1}`… in the order they appear, sorted: a translation may reorder them, not drop or add any. */
function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\d+\}/g)].map((match) => match[0]).sort();
}

/** Languages with a bundle of their own next to the English one, e.g. `fr` for bundle.l10n.fr.json. */
function languagesOf(directory: string, pattern: RegExp): string[] {
  return readdirSync(directory)
    .map((name) => pattern.exec(name)?.[1])
    .filter((language): language is string => language !== undefined);
}

/** Two words or more: the shape of a sentence a person reads (ids, URLs, placeholders and codicons are not). */
const PROSE = /[A-Za-z]{2,}[,:;.!?'"…-]* +[A-Za-z]{2,}/;
/** Where a text reaches a person: the property names of prompts, picks, tree items and buttons. */
const SHOWN_PROPERTIES = new Set(['title', 'prompt', 'placeHolder', 'label', 'description', 'detail', 'tooltip', 'message']);
/** Calls whose first argument a person reads. */
const SHOWN_CALLS = /^(messages|services\.messages|this\.messages)\.(info|warn|error|status)$|^vscode\.window\.show(Information|Warning|Error)Message$|^new vscode\.TreeItem$/;

/**
 * `new AzureFailure(kind, { message: '…' })`: an error's own message is for the log, in English
 * like every log line; what a person reads about the error is written by its presenter.
 */
function isErrorDetail(property: ts.PropertyAssignment): boolean {
  const call = property.parent.parent;
  return ts.isNewExpression(call) && /(Error|Failure)$/.test(call.expression.getText());
}

function isWrittenText(node: ts.Node): boolean {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
    return PROSE.test(node.text);
  }
  // `Created ${name} now`: the words around the substitutions.
  return ts.isTemplateExpression(node) && PROSE.test([node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' '));
}

/** Texts a person would read that do not come from `vscode.l10n.t`, as `file:line: text`. */
function unlocalizedTexts(): string[] {
  const found: string[] = [];
  for (const { file, text } of extensionSources()) {
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
    const report = (node: ts.Node): void => {
      const { line } = source.getLineAndCharacterOfPosition(node.getStart());
      found.push(`${path.relative(ROOT, file)}:${line + 1}: ${node.getText()}`);
    };
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && SHOWN_PROPERTIES.has(node.name.text) && isWrittenText(node.initializer) && !isErrorDetail(node)) {
        report(node.initializer);
      }
      if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && node.arguments?.[0] && isWrittenText(node.arguments[0])) {
        const callee = `${ts.isNewExpression(node) ? 'new ' : ''}${node.expression.getText()}`;
        if (SHOWN_CALLS.test(callee)) {
          report(node.arguments[0]);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

suite('localization', () => {
  test('l10n/bundle.l10n.json holds exactly the strings of the vscode.l10n.t calls (npm run l10n rewrites it)', async function () {
    // The exporter parses every file with tree-sitter (WebAssembly): seconds, not milliseconds.
    this.timeout(120_000);
    const exported = await getL10nJson(extensionSources().map(({ text }) => ({ contents: text, extension: '.ts' })));
    const bundle = readJson(path.join(ROOT, 'l10n', 'bundle.l10n.json'));
    assert.deepEqual(Object.keys(bundle).sort(), Object.keys(exported).sort());
  });

  test('every language has every key of the English bundles, translated, with the same placeholders', () => {
    const pairs = [
      { english: path.join(ROOT, 'l10n', 'bundle.l10n.json'), languages: languagesOf(path.join(ROOT, 'l10n'), /^bundle\.l10n\.([\w-]+)\.json$/), of: (language: string) => path.join(ROOT, 'l10n', `bundle.l10n.${language}.json`) },
      { english: path.join(ROOT, 'package.nls.json'), languages: languagesOf(ROOT, /^package\.nls\.([\w-]+)\.json$/), of: (language: string) => path.join(ROOT, `package.nls.${language}.json`) },
    ];
    for (const { english, languages, of } of pairs) {
      assert.ok(languages.includes('fr'), `${path.basename(english)} has a French translation`);
      const source = readJson(english);
      for (const language of languages) {
        const translated = readJson(of(language));
        assert.deepEqual(Object.keys(translated).sort(), Object.keys(source).sort(), `${path.basename(of(language))} has exactly the keys of ${path.basename(english)}`);
        for (const [key, text] of Object.entries(source)) {
          assert.ok(translated[key]?.trim(), `${path.basename(of(language))}: "${key}" is empty`);
          assert.deepEqual(placeholders(translated[key]), placeholders(text), `${path.basename(of(language))}: the placeholders of "${key}"`);
        }
      }
    }
  });

  test('no text a person reads is written into the code instead of going through vscode.l10n.t', () => {
    assert.deepEqual(unlocalizedTexts(), []);
  });
});
