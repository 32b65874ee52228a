import type { AppContext } from '../../common/context.js';
import { applyTenantScope } from '../../common/tenant.js';
import type { Viewer } from '../../common/viewer.js';
import { recordAudit } from '../audit/audit.service.js';

/**
 * A session just opened, by a password or an identity provider, becomes the request's: from here on the request acts
 * for the person who proved who they are, the sign-in is audited in their tenant, and the session cookie is asked for
 * (sent once the transaction commits).
 */
export async function enterSession(
  ctx: AppContext,
  session: { viewer: Viewer; token: string },
  detail: Record<string, unknown>,
): Promise<void> {
  const { viewer, token } = session;
  ctx.viewer = viewer;
  ctx.sessionToken = token;
  await applyTenantScope(ctx.em, { schoolId: viewer.schoolId, authorityId: viewer.authorityId });
  await recordAudit(ctx.em, viewer, ctx.requestId, {
    operation: 'auth.login',
    targetIds: [viewer.sessionId],
    detail: { transport: ctx.transport, ...detail },
  });
  ctx.cookies?.set(token, viewer.sessionExpiresAt);
}
