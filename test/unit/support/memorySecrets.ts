import type { SecretStore } from '../../../src/storage/registry';

/** SecretStorage's contract, in memory: the registry's own interface, not a stand-in for VS Code. */
export class MemorySecrets implements SecretStore {
  readonly values = new Map<string, string>();

  get(key: string): Promise<string | undefined> {
    return Promise.resolve(this.values.get(key));
  }

  store(key: string, value: string): Promise<void> {
    this.values.set(key, value);
    return Promise.resolve();
  }

  delete(key: string): Promise<void> {
    this.values.delete(key);
    return Promise.resolve();
  }
}
