import type { EntityManager } from '@mikro-orm/postgresql';
import * as oidc from 'openid-client';
import type { Clock } from '../../common/clock.js';
import type { SsoConfig, SsoProviderConfig } from '../../common/config.js';
import type { Logger } from '../../common/logger.js';
import { isValidNationalId, normalizeNationalId } from '../../common/national-id.js';
import type { PiiCipher, Sealer } from '../../common/pii-crypto.js';
import type { Viewer } from '../../common/viewer.js';
import { accountAccess } from '../people/account-access.js';
import type { AccountStatusPolicy } from '../../common/config.js';
import type { AuthService } from './auth.service.js';

/** Where the platform's single sign-on routes live: /auth/sso/<provider>/start and …/callback. */
export const SSO_PATH = '/auth/sso';
/** The sealed handshake cookie, sent only to the callback routes. */
export const SSO_HANDSHAKE_COOKIE = 'portfolio_sso';
/** How long a person has at their provider between leaving the platform and coming back. */
export const SSO_HANDSHAKE_MINUTES = 10;

/** Why a sign-in through a provider did not open a session; each has its message in ssoFailureMessage. */
export enum SsoFailure {
  /** The provider could not be reached (or answered its token request with a server error). */
  PROVIDER_UNAVAILABLE = 'PROVIDER_UNAVAILABLE',
  /** The person cancelled at their provider, or the provider refused them. */
  CANCELLED = 'CANCELLED',
  /** No handshake came back with the answer: it ran out, or another tab started a newer sign-in. */
  HANDSHAKE_MISSING = 'HANDSHAKE_MISSING',
  /** The answer does not belong to the sign-in this browser started (state, nonce, issuer, provider or code). */
  ANSWER_REJECTED = 'ANSWER_REJECTED',
  /** The provider said who the person is, but not in the claim this platform matches on. */
  CLAIM_MISSING = 'CLAIM_MISSING',
  /** No login of this platform matches the person. */
  NO_ACCOUNT = 'NO_ACCOUNT',
  /** A login matches, but this provider may not sign in that kind of login. */
  KIND_NOT_ALLOWED = 'KIND_NOT_ALLOWED',
  /** The login is linked to another person (subject) of this provider: it is theirs, whatever the claim says. */
  LINKED_ELSEWHERE = 'LINKED_ELSEWHERE',
  /** The login's password was just reset by the school: its owner first signs in with the one-time password. */
  RESET_PENDING = 'RESET_PENDING',
  /** More than one login may sign in (a student at two schools or divisions): which one is not ours to guess. */
  AMBIGUOUS = 'AMBIGUOUS',
  /** The login matches, but may not sign in now (disabled, left school past the grace period, school deactivated). */
  ACCOUNT_UNAVAILABLE = 'ACCOUNT_UNAVAILABLE',
}

export function ssoFailureMessage(failure: SsoFailure, providerLabel: string): string {
  switch (failure) {
    case SsoFailure.PROVIDER_UNAVAILABLE:
      return `目前無法連線到「${providerLabel}」，請稍後再試，或改用本平臺的帳號密碼登入。`;
    case SsoFailure.CANCELLED:
      return `已取消以「${providerLabel}」登入。`;
    case SsoFailure.HANDSHAKE_MISSING:
      return `登入已逾時（須在 ${SSO_HANDSHAKE_MINUTES} 分鐘內完成），或已在其他分頁重新開始登入，請再按一次「以${providerLabel}登入」。`;
    case SsoFailure.ANSWER_REJECTED:
      return `「${providerLabel}」傳回的登入結果與這次登入不符，為了安全已拒絕，請重新登入。`;
    case SsoFailure.CLAIM_MISSING:
      return `「${providerLabel}」沒有提供辨識帳號所需的資料，無法登入本平臺，請洽學校資訊組。`;
    case SsoFailure.NO_ACCOUNT:
      return `您在「${providerLabel}」的身分在本平臺找不到對應的帳號。請確認是否使用自己的帳號登入，或洽學校資訊組（學生請洽註冊組）建立帳號。`;
    case SsoFailure.KIND_NOT_ALLOWED:
      return `這類帳號不能以「${providerLabel}」登入，請改用本平臺的帳號密碼登入。`;
    case SsoFailure.LINKED_ELSEWHERE:
      return `對應的帳號已由另一個「${providerLabel}」身分登入並連結，無法以您目前的身分登入。請改用帳號密碼登入，或洽學校資訊組（重設密碼會一併解除連結）。`;
    case SsoFailure.RESET_PENDING:
      return `這個帳號的密碼剛由學校重設。請先用學校給您的一次性密碼登入並設定自己的密碼，之後即可再以「${providerLabel}」登入。`;
    case SsoFailure.AMBIGUOUS:
      return `您在「${providerLabel}」的身分對應到本平臺不只一個帳號（例如同時有日間部與進修部學籍），請改用本平臺的帳號密碼登入。`;
    case SsoFailure.ACCOUNT_UNAVAILABLE:
      return '對應的帳號目前無法登入（帳號停用、離校已超過可登入期間，或學校已停用本平臺）。請改用帳號密碼登入查看原因，或洽學校資訊組。';
  }
}

interface Handshake {
  provider: string;
  state: string;
  nonce: string;
  verifier: string;
  returnTo: string;
  startedAt: number;
}

/** Who the provider says the person is, in the form the provider's rule matches them by. */
export type SsoAnswer =
  | {
      ok: true;
      /** subjectDigest: the provider's subject (its sub, with the provider's id) as a keyed digest, for the links. */
      person: { loginName: string | null; nationalIdDigest: string | null; subjectDigest: string };
      returnTo: string;
    }
  | { ok: false; failure: SsoFailure; returnTo: string };

export type SsoOutcome =
  | { ok: true; viewer: Viewer; token: string; returnTo: string; retiredPassword: boolean }
  | { ok: false; failure: SsoFailure; returnTo: string };

/** The page a sign-in returns to: one of the client's own hash routes, never another site. */
const RETURN_TO = /^#\/[A-Za-z0-9\-._~/?=&%]{0,200}$/;

/** Failures that say the provider could not be reached, as opposed to answering something wrong. */
const unreachable = (error: unknown): boolean =>
  error instanceof Error &&
  (['TypeError', 'AbortError', 'TimeoutError'].includes(error.name) ||
    (error instanceof oidc.ResponseBodyError && error.status >= 500));

/**
 * Sign-in through OpenID Connect providers (authorization code with PKCE, through `openid-client`). Nothing is kept
 * between the start and the callback but a cookie sealed under the installation's key, so the callback may reach
 * any instance. Which login a provider's person is follows the provider's rule (login name, or a student's national
 * ID matched by its keyed digest), and the same account rules as a password sign-in.
 */
export class SingleSignOn {
  private readonly discovered = new Map<string, Promise<oidc.Configuration>>();
  /** What discovery has answered so far, for what must not wait on a provider (logout). */
  private readonly known = new Map<string, oidc.Configuration>();
  private readonly handshakes: Sealer;

  constructor(
    private readonly config: SsoConfig,
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly pii: PiiCipher,
    private readonly auth: AuthService,
    private readonly accountPolicy: AccountStatusPolicy,
  ) {
    this.handshakes = pii.sealer('sso-handshake');
  }

  get providers(): readonly SsoProviderConfig[] {
    return this.config.providers;
  }

  provider(id: string): SsoProviderConfig | null {
    return this.config.providers.find((provider) => provider.id === id) ?? null;
  }

  redirectUri(provider: SsoProviderConfig): string {
    return `${this.config.publicUrl}${SSO_PATH}/${provider.id}/callback`;
  }

  /** Where the provider sends a person back after its own logout. */
  get postLogoutRedirectUri(): string {
    return `${this.config.publicUrl}/`;
  }

  /**
   * Reads every provider's discovery document at start. One that answers wrongly (another issuer, no OpenID
   * configuration) is a configuration error and stops the start; one that cannot be reached now is tried again at
   * its first sign-in, since a provider's outage must not keep the platform, and its passwords, down.
   */
  async prepare(): Promise<void> {
    // All at once: a provider that only times out must not hold the start up once per provider.
    await Promise.all(this.config.providers.map((provider) => this.prepareOne(provider)));
  }

  private async prepareOne(provider: SsoProviderConfig): Promise<void> {
    try {
      await this.configuration(provider);
    } catch (error) {
      if (unreachable(error)) {
        this.log.warn('sso provider unreachable at start', { provider: provider.id, error: (error as Error).name });
        return;
      }
      throw new Error(
        `單一登入：識別服務「${provider.id}」的 OIDC_${provider.id.toUpperCase()}_ISSUER（${provider.issuer}）沒有回應正確的 OpenID Connect 設定（${(error as Error).message}）`,
      );
    }
  }

  private configuration(provider: SsoProviderConfig): Promise<oidc.Configuration> {
    let found = this.discovered.get(provider.id);
    if (!found) {
      const insecure = provider.issuer.startsWith('http:');
      found = oidc.discovery(
        new URL(provider.issuer),
        provider.clientId,
        provider.clientSecret ?? undefined,
        provider.clientSecret ? oidc.ClientSecretPost(provider.clientSecret) : oidc.None(),
        { timeout: 10, ...(insecure ? { execute: [oidc.allowInsecureRequests] } : {}) },
      );
      // A failed discovery is tried again next time rather than remembered.
      found.then(
        (configuration) => this.known.set(provider.id, configuration),
        () => this.discovered.delete(provider.id),
      );
      this.discovered.set(provider.id, found);
    }
    return found;
  }

  /**
   * The provider's authorization URL for a new sign-in, and the sealed handshake the browser keeps meanwhile. Null
   * when the provider cannot be reached.
   */
  async begin(
    provider: SsoProviderConfig,
    returnTo: string | undefined,
  ): Promise<{ authorizationUrl: string; handshake: string } | null> {
    let configuration: oidc.Configuration;
    try {
      configuration = await this.configuration(provider);
    } catch (error) {
      this.log.warn('sso provider unreachable', { provider: provider.id, error: (error as Error).name });
      return null;
    }
    const handshake: Handshake = {
      provider: provider.id,
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      verifier: oidc.randomPKCECodeVerifier(),
      returnTo: returnTo !== undefined && RETURN_TO.test(returnTo) ? returnTo : '#/',
      startedAt: this.clock.now().getTime(),
    };
    const url = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: this.redirectUri(provider),
      scope: provider.scope,
      response_type: 'code',
      state: handshake.state,
      nonce: handshake.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(handshake.verifier),
      code_challenge_method: 'S256',
    });
    return { authorizationUrl: url.href, handshake: this.handshakes.seal(JSON.stringify(handshake)) };
  }

  private openHandshake(sealed: string | null, provider: SsoProviderConfig): Handshake | 'MISSING' | 'OTHER' {
    const opened = sealed ? this.handshakes.open(sealed) : null;
    if (opened === null) return 'MISSING';
    const handshake = JSON.parse(opened) as Handshake;
    if (this.clock.now().getTime() - handshake.startedAt > SSO_HANDSHAKE_MINUTES * 60_000) return 'MISSING';
    // A sign-in begun at one provider answered by another: refused before anything is sent anywhere.
    if (handshake.provider !== provider.id) return 'OTHER';
    return handshake;
  }

  /**
   * Reads the provider's answer (`callbackQuery`, the callback's query string) against the browser's handshake:
   * state, issuer, PKCE and the ID token's nonce, audience and signature (openid-client), then the claim that names
   * the person. It talks to the provider, so it runs before any database connection is taken: a slow provider must
   * not hold connections everybody else needs.
   */
  async readAnswer(
    provider: SsoProviderConfig,
    callbackQuery: string,
    sealedHandshake: string | null,
  ): Promise<SsoAnswer> {
    const handshake = this.openHandshake(sealedHandshake, provider);
    if (typeof handshake === 'string') {
      const failure = handshake === 'MISSING' ? SsoFailure.HANDSHAKE_MISSING : SsoFailure.ANSWER_REJECTED;
      return this.refused(provider, failure, '#/');
    }
    const returnTo = handshake.returnTo;
    let claims: Record<string, unknown>;
    try {
      const configuration = await this.configuration(provider);
      const tokens = await oidc.authorizationCodeGrant(
        configuration,
        new URL(`${this.redirectUri(provider)}${callbackQuery}`),
        {
          pkceCodeVerifier: handshake.verifier,
          expectedState: handshake.state,
          expectedNonce: handshake.nonce,
          idTokenExpected: true,
        },
      );
      claims = { ...tokens.claims() };
      if (claims[provider.claim] === undefined && configuration.serverMetadata().userinfo_endpoint) {
        claims = { ...(await oidc.fetchUserInfo(configuration, tokens.access_token, String(claims.sub))), ...claims };
      }
    } catch (error) {
      if (error instanceof oidc.AuthorizationResponseError) {
        const failure = error.error === 'access_denied' ? SsoFailure.CANCELLED : SsoFailure.ANSWER_REJECTED;
        return this.refused(provider, failure, returnTo, error);
      }
      if (unreachable(error)) return this.refused(provider, SsoFailure.PROVIDER_UNAVAILABLE, returnTo, error);
      return this.refused(provider, SsoFailure.ANSWER_REJECTED, returnTo, error);
    }
    // Taken as the provider gives it: a value padded or changed on the way names nobody.
    const value = claims[provider.claim];
    if (typeof value !== 'string' || value === '' || value.length > 200) {
      return this.refused(provider, SsoFailure.CLAIM_MISSING, returnTo);
    }
    // A provider may use a national ID as its subject: kept only as a keyed digest.
    // Keyed by the provider's id, not its issuer URL: an issuer re-spelled in the settings keeps its links.
    const subjectDigest = this.pii.digest(`oidc-subject\n${provider.id}\n${String(claims.sub)}`);
    if (provider.match === 'NATIONAL_ID') {
      const nationalId = normalizeNationalId(value);
      if (!isValidNationalId(nationalId)) return this.refused(provider, SsoFailure.CLAIM_MISSING, returnTo);
      const person = { nationalIdDigest: this.pii.digest(nationalId), loginName: null, subjectDigest };
      return { ok: true, person, returnTo };
    }
    return { ok: true, person: { loginName: value, nationalIdDigest: null, subjectDigest }, returnTo };
  }

  /**
   * Finds the one login the provider's person is (by the provider's rules and the account rules) and opens its
   * session. A password somebody else set (a first-password slip, a reset) is retired on the way: its owner has
   * proven who they are without it, and whoever else saw it must not sign in with it later.
   */
  async signIn(
    em: EntityManager,
    provider: SsoProviderConfig,
    answer: Extract<SsoAnswer, { ok: true }>,
    device: { ip: string; userAgent: string },
  ): Promise<SsoOutcome> {
    const { returnTo } = answer;
    const logins = await this.auth.findSsoLogins(em, provider.id, answer.person);
    if (logins.length === 0) return this.refused(provider, SsoFailure.NO_ACCOUNT, returnTo);
    const allowed = logins.filter((login) => provider.accounts.includes(login.accountKind));
    if (allowed.length === 0) return this.refused(provider, SsoFailure.KIND_NOT_ALLOWED, returnTo);
    const now = this.clock.now();
    // A student who has left one school for another keeps the old login for its grace period: the one that may
    // still sign in is the one meant, and only if it is one.
    const usable = allowed.filter(
      (login) => login.active && accountAccess(login.facts, now, this.accountPolicy).signIn,
    );
    if (usable.length === 0) return this.refused(provider, SsoFailure.ACCOUNT_UNAVAILABLE, returnTo);
    // A login another subject of this provider signed in as is theirs, whatever this person's claim says.
    const free = usable.filter((login) => !login.linkedElsewhere);
    if (free.length === 0) return this.refused(provider, SsoFailure.LINKED_ELSEWHERE, returnTo);
    // Of several that fit, one with full access is meant before one only reading (a transfer's old school during
    // its grace period), then the one this subject signed in as before.
    const full = free.filter((login) => {
      const access = accountAccess(login.facts, now, this.accountPolicy);
      return access.signIn && access.restriction === null;
    });
    const preferred = full.length > 0 ? full : free;
    const linked = preferred.filter((login) => login.linkedHere);
    const candidates = linked.length > 0 ? linked : preferred;
    if (candidates.length > 1) return this.refused(provider, SsoFailure.AMBIGUOUS, returnTo);
    const login = candidates[0]!;
    if (login.resetPending) return this.refused(provider, SsoFailure.RESET_PENDING, returnTo);
    // Bureau logins are not linked (nothing could unlink them). For a school login, another subject may have taken
    // it between the look and the link.
    if (
      login.accountKind !== 'BUREAU' &&
      !(await this.auth.linkSso(em, provider.id, answer.person.subjectDigest, login.credentialId))
    ) {
      return this.refused(provider, SsoFailure.LINKED_ELSEWHERE, returnTo);
    }
    const retiredPassword =
      login.passwordTemporary && (await this.auth.retireTemporaryPassword(em, login.credentialId));
    const session = await this.auth.openSession(em, login.credentialId, { ...device, signInProvider: provider.id });
    return { ok: true, ...session, returnTo, retiredPassword };
  }

  private refused(
    provider: SsoProviderConfig,
    failure: SsoFailure,
    returnTo: string,
    error?: unknown,
  ): { ok: false; failure: SsoFailure; returnTo: string } {
    // The error's kind only: its message may quote what the provider sent.
    const reason = error instanceof Error ? { error: error.name, code: (error as { code?: string }).code } : {};
    this.log.info('sso sign-in refused', { provider: provider.id, failure, ...reason });
    return { ok: false, failure, returnTo };
  }

  /**
   * The provider's own logout for a session opened through it (RP-initiated logout), or null when the provider
   * offers none. It never waits on the provider (logout runs in a request's transaction): a provider this instance
   * has not reached yet offers none this time, and is looked up for the next.
   */
  providerLogoutUrl(providerId: string | null): string | null {
    const provider = providerId ? this.provider(providerId) : null;
    if (!provider) return null;
    const configuration = this.known.get(provider.id);
    if (!configuration) {
      this.configuration(provider).catch(() => undefined);
      return null;
    }
    if (!configuration.serverMetadata().end_session_endpoint) return null;
    return oidc.buildEndSessionUrl(configuration, {
      client_id: provider.clientId,
      post_logout_redirect_uri: this.postLogoutRedirectUri,
    }).href;
  }
}

declare module '../../common/context.js' {
  interface AppServices {
    sso: SingleSignOn;
  }
}
