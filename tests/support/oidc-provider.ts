import { createServer, type Server } from 'node:http';
import Provider from 'oidc-provider';
import { freePort } from './free-port.js';

/** A person known to the test provider: their subject and the claims it hands out about them. */
export interface ProviderPerson {
  sub: string;
  claims: Record<string, string>;
}

export interface ProviderClient {
  clientId: string;
  /** Unset: a public client (PKCE only). */
  clientSecret?: string;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
}

export interface TestIdentityProvider {
  issuer: string;
  /** Makes a person known (or changes their claims) while the provider runs. */
  addPerson(person: ProviderPerson): void;
  close(): Promise<void>;
}

/** The claims the platform may be set to match on, all released with the openid scope. */
const RELEASED_CLAIMS = ['sub', 'preferred_username', 'national_id', 'name'];

/**
 * A real OpenID Connect provider (the `oidc-provider` package, which implements the protocol) on 127.0.0.1, with its
 * development sign-in pages: any login signs in as the person of that subject. PKCE is required, as the platform
 * always sends it; RP-initiated logout is on. `host`: the address in its issuer (a test may point the platform at
 * the same server under another name, to see an issuer mismatch).
 */
export async function startIdentityProvider(options: {
  clients: ProviderClient[];
  people?: ProviderPerson[];
  port?: number;
}): Promise<TestIdentityProvider> {
  const port = options.port ?? (await freePort());
  const issuer = `http://127.0.0.1:${port}`;
  const people = new Map((options.people ?? []).map((person) => [person.sub, person]));
  const provider = new Provider(issuer, {
    clients: options.clients.map((client) => ({
      client_id: client.clientId,
      ...(client.clientSecret
        ? { client_secret: client.clientSecret, token_endpoint_auth_method: 'client_secret_post' }
        : { token_endpoint_auth_method: 'none' }),
      redirect_uris: client.redirectUris,
      post_logout_redirect_uris: client.postLogoutRedirectUris,
      response_types: ['code'],
      grant_types: ['authorization_code'],
    })),
    claims: { openid: RELEASED_CLAIMS },
    pkce: { methods: ['S256'], required: () => true },
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    cookies: { keys: ['test-provider-cookie-key'] },
    async findAccount(_ctx, sub) {
      const person = people.get(sub) ?? { sub, claims: {} };
      return { accountId: sub, claims: () => ({ ...person.claims, sub }) };
    },
  });
  // The provider's own warnings (development keys, development interactions) are expected here.
  provider.on('server_error', () => undefined);
  const server: Server = createServer(provider.callback());
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    issuer,
    addPerson: (person) => people.set(person.sub, person),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
