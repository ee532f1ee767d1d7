import type { SecretStore } from '../../../src/storage/registry';

/** SecretStorage's contract, in memory: the registry's own interface, not a stand-in for VS Code. */
export class MemorySecrets implements SecretStore {
  readonly values = new Map<string, string>();

  async get(key: string): Promise<string | undefined> {
    return this.values.get(key);
  }

  async store(key: string, value: string): Promise<void> {
    this.values.set(key, value);
  }

  async delete(key: string): Promise<void> {
    this.values.delete(key);
  }
}
