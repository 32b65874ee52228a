import { parse as parseCookies } from 'cookie';
import type { Request, Response } from 'express';
import type { AppServices } from '../../common/context.js';
import { routeContext, sessionCookies } from '../../common/http-session.js';
import type { SsoProviderConfig } from '../../common/config.js';
import { enterSession } from './sign-in.js';
import { SSO_HANDSHAKE_COOKIE, SSO_HANDSHAKE_MINUTES, SSO_PATH, SsoFailure } from './sso.service.js';

export { SSO_PATH };

/** An answer's query string longer than this is no provider's: refused before anything reads it. */
const MAX_CALLBACK_QUERY = 4096;

function handshakeCookieOptions(services: AppServices) {
  const base = new URL(services.config.sso.publicUrl ?? 'http://localhost').pathname.replace(/\/$/, '');
  return {
    httpOnly: true,
    // Lax: the provider brings the browser back by a top-level GET, which carries it; nothing cross-site else does.
    sameSite: 'lax' as const,
    secure: services.config.cookieSecure,
    path: `${base}${SSO_PATH}/`,
  };
}

function providerOf(services: AppServices, req: Request, res: Response): SsoProviderConfig | null {
  const provider = services.sso.provider(String(req.params.provider));
  if (!provider) res.status(404).type('text/plain; charset=utf-8').send('沒有這個登入方式。');
  return provider;
}

/** Back to the sign-in page of the page the person wanted, which reads why from the query string. */
function backToSignIn(
  services: AppServices,
  res: Response,
  provider: SsoProviderConfig,
  failure: SsoFailure,
  returnTo: string,
) {
  const query = new URLSearchParams({ sso: provider.id, failure });
  res.redirect(303, `${services.config.sso.publicUrl}/?${query.toString()}${returnTo}`);
}

/** GET /auth/sso/:provider/start?return=#/… — off to the provider, with the sealed handshake in a cookie. */
export async function startSso(services: AppServices, req: Request, res: Response): Promise<void> {
  const provider = providerOf(services, req, res);
  if (!provider) return;
  res.setHeader('Cache-Control', 'no-store');
  const returnTo = typeof req.query.return === 'string' ? req.query.return : undefined;
  const begun = await services.sso.begin(provider, returnTo);
  if (!begun) {
    backToSignIn(services, res, provider, SsoFailure.PROVIDER_UNAVAILABLE, '#/');
    return;
  }
  res.cookie(SSO_HANDSHAKE_COOKIE, begun.handshake, {
    ...handshakeCookieOptions(services),
    maxAge: SSO_HANDSHAKE_MINUTES * 60_000,
  });
  res.redirect(303, begun.authorizationUrl);
}

/**
 * GET /auth/sso/:provider/callback?code=…&state=… — the provider's answer. The handshake is spent whatever happens;
 * a session opened here reaches the browser only once its transaction has committed.
 */
export async function finishSso(services: AppServices, req: Request, res: Response): Promise<void> {
  const provider = providerOf(services, req, res);
  if (!provider) return;
  res.setHeader('Cache-Control', 'no-store');
  const cookieOptions = handshakeCookieOptions(services);
  const sealed = parseCookies(req.headers.cookie ?? '')[SSO_HANDSHAKE_COOKIE] ?? null;
  res.clearCookie(SSO_HANDSHAKE_COOKIE, cookieOptions);
  const queryAt = req.originalUrl.indexOf('?');
  const query = queryAt < 0 ? '' : req.originalUrl.slice(queryAt);
  if (query.length > MAX_CALLBACK_QUERY) {
    backToSignIn(services, res, provider, SsoFailure.ANSWER_REJECTED, '#/');
    return;
  }
  const answer = await services.sso.readAnswer(provider, query, sealed);
  if (!answer.ok) {
    backToSignIn(services, res, provider, answer.failure, answer.returnTo);
    return;
  }
  const cookies = sessionCookies(res, services.config.cookieSecure, services.clock);
  const ctx = await routeContext(services, req, cookies);
  await ctx.em.begin();
  try {
    const outcome = await services.sso.signIn(ctx.em, provider, answer, { ip: ctx.ip, userAgent: ctx.userAgent });
    if (!outcome.ok) {
      await ctx.em.rollback();
      backToSignIn(services, res, provider, outcome.failure, outcome.returnTo);
      return;
    }
    await enterSession(ctx, outcome, { provider: provider.id, retiredTemporaryPassword: outcome.retiredPassword });
    await ctx.em.commit();
  } catch (error) {
    await ctx.em.rollback().catch(() => undefined);
    throw error;
  }
  cookies.committed();
  res.redirect(303, `${services.config.sso.publicUrl}/${answer.returnTo}`);
}
