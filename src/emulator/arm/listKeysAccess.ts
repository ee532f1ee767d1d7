import { isGuid } from '../../shared/identifiers';

/**
 * Who may not list the resource's keys: object ids (`oid`) whose role, in a real subscription,
 * would lack `Microsoft.Communication/communicationServices/listKeys/action` (a Reader, say).
 * Lets a client's "no permission to read keys" path be tested; everyone else may.
 */
export class ListKeysAccess {
  private denied = new Set<string>();

  constructor(objectIds: readonly string[] = []) {
    this.deny(objectIds);
  }

  /** Replaces the whole list; throws a TypeError unless every entry is a GUID. */
  deny(objectIds: readonly unknown[]): void {
    const bad = objectIds.find((id) => typeof id !== 'string' || !isGuid(id));
    if (bad !== undefined) {
      throw new TypeError(`Object ids are GUIDs, not ${JSON.stringify(bad)}.`);
    }
    this.denied = new Set((objectIds as string[]).map((id) => id.toLowerCase()));
  }

  isDenied(objectId: string): boolean {
    return this.denied.has(objectId.toLowerCase());
  }

  list(): string[] {
    return [...this.denied];
  }
}
