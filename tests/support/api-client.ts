export interface GraphQLErrorShape {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; [key: string]: unknown };
}

export interface GraphQLResponse<T> {
  status: number;
  data: T | null;
  errors: GraphQLErrorShape[];
  headers: Headers;
}

/** A minimal GraphQL-over-HTTP client for tests: bearer token or cookie, like a real API client or browser. */
export class ApiClient {
  token: string | null = null;
  cookie: string | null = null;
  headers: Record<string, string> = {};

  constructor(readonly url: string) {}

  async request<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResponse<T>> {
    const headers: Record<string, string> = { 'content-type': 'application/json', ...this.headers };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    if (this.cookie) headers.cookie = this.cookie;
    const response = await fetch(this.url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    const body = (await response.json()) as { data?: T | null; errors?: GraphQLErrorShape[] };
    return { status: response.status, data: body.data ?? null, errors: body.errors ?? [], headers: response.headers };
  }

  /** Runs a query and fails loudly on any GraphQL error. */
  async ok<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<T> {
    const result = await this.request<T>(query, variables);
    if (result.errors.length > 0 || !result.data) {
      throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
    }
    return result.data;
  }

  async login(username: string, password: string): Promise<this> {
    const data = await this.ok<{ login: { token: string | null; userErrors: { code: string; message: string }[] } }>(
      `mutation ($input: LoginInput!) { login(input: $input) { token userErrors { code message } } }`,
      { input: { username, password, issueToken: true } },
    );
    if (!data.login.token) throw new Error(`login failed: ${JSON.stringify(data.login.userErrors)}`);
    this.token = data.login.token;
    return this;
  }
}
