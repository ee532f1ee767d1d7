import type { Services } from './services';

export function refresh(services: Services): undefined {
  services.tree.refresh();
  return undefined;
}
