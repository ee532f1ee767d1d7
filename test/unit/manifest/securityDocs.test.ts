import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

// The README's Security section names, for each guarantee, the test that checks it (file › "title").
// This keeps those names true: a renamed or removed test fails here, not in a reader's trust.
const ROOT = path.resolve(__dirname, '../../../..');

function securitySection(): string {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf('\n## Security\n');
  assert.ok(start >= 0, 'the README has a Security section');
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, end < 0 ? undefined : end).replace(/\s+/g, ' ');
}

/** Each cited file with the titles cited after it, up to the next file. */
function citations(section: string): { file: string; titles: string[] }[] {
  const found: { file: string; titles: string[] }[] = [];
  for (const match of section.matchAll(/`(test\/[^`]+\.test\.ts)` › ((?:"[^"]+"(?:,? (?:and )?)?)+)/g)) {
    found.push({ file: match[1], titles: [...match[2].matchAll(/"([^"]+)"/g)].map((title) => title[1]) });
  }
  return found;
}

suite('README Security section', () => {
  test('every guarantee cites a test file and title that exist', () => {
    const cited = citations(securitySection());
    assert.ok(cited.length >= 10, `${cited.length} citations found`);
    for (const { file, titles } of cited) {
      const fullPath = path.join(ROOT, file);
      assert.ok(existsSync(fullPath), `${file} does not exist`);
      const source = readFileSync(fullPath, 'utf8').replace(/\\'/g, "'");
      for (const title of titles) {
        // "…" stands for the varying part of a title built in a loop: the rest must appear in order.
        let from = 0;
        for (const piece of title.split('…').map((part) => part.trim()).filter((part) => part !== '')) {
          const at = source.indexOf(piece, from);
          assert.ok(at >= 0, `${file} has no test titled "${title}" (missing: "${piece}")`);
          from = at + piece.length;
        }
      }
    }
  });

  test('SECURITY.md exists and the README links to it', () => {
    assert.ok(existsSync(path.join(ROOT, 'SECURITY.md')));
    assert.match(securitySection(), /\[SECURITY\.md\]\(SECURITY\.md\)/);
  });
});
