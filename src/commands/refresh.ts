import type { Services } from './services';

/** Reads what other windows wrote (should the file system have said nothing), then re-renders the whole view. */
export async function refresh(services: Services): Promise<undefined> {
  await services.registry.catchUp();
  services.tree.refresh();
  return undefined;
}
