import type { AuthCheckerInterface, ResolverData } from 'type-graphql';
import type { AppContext } from './context.js';
import { forbidden, unauthenticated } from './errors.js';
import type { Viewer } from './viewer.js';

/** Coarse role checks for @Authorized(); finer rules ("only their own class") live in the services. */
export class RoleAuthChecker implements AuthCheckerInterface<AppContext> {
  check({ context }: ResolverData<AppContext>, roles: string[]): boolean {
    const viewer = context.viewer;
    if (!viewer) throw unauthenticated();
    if (roles.length > 0 && !roles.some((role) => (viewer.roles as string[]).includes(role))) throw forbidden();
    return true;
  }
}

export function requireViewer(context: AppContext): Viewer {
  if (!context.viewer) throw unauthenticated();
  return context.viewer;
}
