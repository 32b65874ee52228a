/** Minimal GraphQL over HTTP for benchmarks. */
export async function gql<T>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.errors || !body.data) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body.data;
}

export async function login(url: string, username: string, password: string): Promise<string> {
  const data = await gql<{ login: { token: string | null } }>(
    url,
    'mutation ($input: LoginInput!) { login(input: $input) { token } }',
    { input: { username, password, issueToken: true } },
  );
  if (!data.login.token) throw new Error(`login failed for ${username}`);
  return data.login.token;
}
