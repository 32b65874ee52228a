import type { SsoFailure } from '../gql/graphql';

/**
 * Every value of the schema's SsoFailure, as a record so that the compiler says when the generated enum gains or
 * loses one. Only these are sent to the server: a hand-edited address must not end in a GraphQL error on screen.
 */
const SSO_FAILURES: Record<SsoFailure, true> = {
  PROVIDER_UNAVAILABLE: true,
  CANCELLED: true,
  HANDSHAKE_MISSING: true,
  ANSWER_REJECTED: true,
  CLAIM_MISSING: true,
  NO_ACCOUNT: true,
  KIND_NOT_ALLOWED: true,
  LINKED_ELSEWHERE: true,
  RESET_PENDING: true,
  AMBIGUOUS: true,
  ACCOUNT_UNAVAILABLE: true,
};

const isSsoFailure = (value: string): value is SsoFailure => Object.hasOwn(SSO_FAILURES, value);

/**
 * A sign-in through a provider that came back without a session: the server's callback says which provider and
 * why in the query string (`?sso=tpe&failure=NO_ACCOUNT#/…`). `failure` is null when the address holds a value the
 * schema does not know. Nothing of it is ever shown: the message comes from the server.
 */
export interface SsoReturn {
  provider: string;
  failure: SsoFailure | null;
}

const SSO_PARAMS = ['sso', 'failure'];

/** What the address says about a sign-in through a provider that failed, or null when it says nothing. */
export function ssoReturnOf(search: string): SsoReturn | null {
  const params = new URLSearchParams(search);
  const provider = params.get('sso');
  const failure = params.get('failure');
  if (!provider || !failure) return null;
  return { provider, failure: isSsoFailure(failure) ? failure : null };
}

/**
 * Takes `sso` and `failure` out of the address bar, keeping the rest of the query string and the page after `#`,
 * so that a reload, a bookmark or a shared link does not show the failure again.
 */
export function forgetSsoReturn(): void {
  const params = new URLSearchParams(window.location.search);
  if (!SSO_PARAMS.some((name) => params.has(name))) return;
  for (const name of SSO_PARAMS) params.delete(name);
  const query = params.toString();
  window.history.replaceState(
    window.history.state,
    '',
    `${window.location.pathname}${query ? `?${query}` : ''}${window.location.hash}`,
  );
}

/**
 * Signed out of a session that a provider opened: the person is still signed in there, and on a shared computer the
 * next person could sign in as them with one click. Where to end that too, and the provider's name.
 */
export interface ProviderSignOut {
  label: string;
  url: string;
}

/** The notice to give after a logout whose payload named the provider's logout address, or null when it named none. */
export function providerSignOutOf(
  providerLogoutUrl: string | null | undefined,
  signedInWith: { label: string } | null | undefined,
): ProviderSignOut | null {
  if (!providerLogoutUrl) return null;
  // The server builds it from the provider's discovery document; still, only a web address becomes a link.
  let url: URL;
  try {
    url = new URL(providerLogoutUrl);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  return { label: signedInWith?.label ?? '單一登入服務', url: url.href };
}
