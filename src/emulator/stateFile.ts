import { IdentityRecord } from './identityStore';
import { readFileIfExists, writeFileAtomically } from '../shared/atomicFile';

/**
 * The `--data` file. Besides the identities it keeps the token signing key, so that tokens issued
 * before a restart still verify after it (revocation times are per identity).
 *
 * The key is stored in plain text on purpose: it signs only this emulator's tokens, which no real
 * service accepts (Azure verifies its own signatures), so whoever reads the file gains nothing
 * beyond this emulator. The file is written with mode 0600 (readable by its owner only) all the same.
 */
export interface EmulatorState {
  readonly resourceId: string;
  readonly tokenSigningKey: Buffer;
  readonly identities: readonly IdentityRecord[];
}

const FORMAT = 'acs-identity-emulator/1';

interface StateFileContents {
  format: typeof FORMAT;
  resourceId: string;
  tokenSigningKey: string;
  identities: { id: string; createdAtMs: number; tokensRevokedAtMs?: number }[];
}

export async function saveState(path: string, state: EmulatorState): Promise<void> {
  const contents: StateFileContents = {
    format: FORMAT,
    resourceId: state.resourceId,
    tokenSigningKey: state.tokenSigningKey.toString('base64'),
    identities: state.identities.map(({ id, createdAtMs, tokensRevokedAtMs }) => ({ id, createdAtMs, tokensRevokedAtMs })),
  };
  await writeFileAtomically(path, `${JSON.stringify(contents, undefined, 2)}\n`);
}

/** The saved state, undefined when the file does not exist yet; throws rather than overwrite a file it cannot read. */
export async function loadState(path: string): Promise<EmulatorState | undefined> {
  const text = await readFileIfExists(path);
  if (text === undefined) {
    return undefined;
  }
  const contents = parseContents(text);
  if (!contents) {
    throw new Error(`${path} is not an ACS Identity emulator data file (expected format "${FORMAT}"); refusing to overwrite it.`);
  }
  return {
    resourceId: contents.resourceId,
    tokenSigningKey: Buffer.from(contents.tokenSigningKey, 'base64'),
    identities: contents.identities,
  };
}

function parseContents(text: string): StateFileContents | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return isStateFileContents(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function isStateFileContents(value: unknown): value is StateFileContents {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const candidate = value as Partial<Record<keyof StateFileContents, unknown>>;
  return (
    candidate.format === FORMAT &&
    typeof candidate.resourceId === 'string' &&
    typeof candidate.tokenSigningKey === 'string' &&
    Array.isArray(candidate.identities) &&
    candidate.identities.every(isIdentityRecord)
  );
}

function isIdentityRecord(value: unknown): value is IdentityRecord {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const candidate = value as Partial<Record<keyof IdentityRecord, unknown>>;
  return (
    typeof candidate.id === 'string' &&
    typeof candidate.createdAtMs === 'number' &&
    (candidate.tokensRevokedAtMs === undefined || typeof candidate.tokensRevokedAtMs === 'number')
  );
}
