import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../testing/testApi.js';
import { securityClient } from '../testing/securityClient.js';

/** Strings that have broken servers: NUL, lone surrogates, bidi overrides, sheer size. */
const HOSTILE = [
  'a\u0000b',
  '\u0000',
  'x\uD800y',
  '\uDC00',
  'admin\u202Egnp.exe',
  '\u2066isolate\u2069',
  'x'.repeat(10_000),
  'a\u0007b',
];

interface Operation {
  method: string;
  path: string;
  params: string[];
  query: string[];
  body: Record<string, { type?: string }>;
}

interface OpenApiOperation {
  parameters?: Array<{ in: string; name: string }>;
  requestBody?: {
    content?: Record<string, { schema?: { properties?: Operation['body'] } }>;
  };
}

/** Every route and its string inputs, read from the server's own OpenAPI document. */
function operations(document: {
  paths?: Record<string, Record<string, OpenApiOperation>>;
}): Operation[] {
  const found: Operation[] = [];
  for (const [path, methods] of Object.entries(document.paths ?? {})) {
    for (const [method, op] of Object.entries(methods)) {
      const parameters = op.parameters ?? [];
      const schema = op.requestBody?.content?.['application/json']?.schema;
      found.push({
        method: method.toUpperCase(),
        path,
        params: parameters.filter((p) => p.in === 'path').map((p) => p.name),
        query: parameters.filter((p) => p.in === 'query').map((p) => p.name),
        body: schema?.properties ?? {},
      });
    }
  }
  return found;
}

describe('input fuzz', () => {
  let api: TestApi;
  let token: string;
  const { signup, login, bearer } = securityClient(() => api);

  beforeAll(async () => {
    api = await startTestApi();
    const { id } = await signup('fuzz@example.com');
    await api.database.pool.query(`update users set role = 'admin' where id = $1`, [id]);
    token = (await login('fuzz@example.com')).accessToken;
  });
  afterAll(() => api.close());

  // Regression: a NUL in an email, display name, token name or projectId gave a 500.
  it('answers no hostile string in any route’s string field with a 5xx', async () => {
    await api.app.ready();
    const ops = operations(api.app.swagger() as Parameters<typeof operations>[0]);
    expect(ops.length).toBeGreaterThan(15);
    const failures: string[] = [];
    let sent = 0;
    for (const op of ops) {
      const fields = [
        ...op.params.map((name) => ({ in: 'params', name })),
        ...op.query.map((name) => ({ in: 'query', name })),
        ...Object.keys(op.body).map((name) => ({ in: 'body', name })),
      ];
      for (const field of fields) {
        for (const value of HOSTILE) {
          for (const auth of [true, false]) {
            const res = await inject(api, op, { field, value, headers: auth ? bearer(token) : {} });
            sent++;
            if (res.statusCode >= 500) {
              failures.push(`${op.method} ${op.path} ${field.in}.${field.name}: ${res.statusCode}`);
            }
          }
        }
      }
    }
    expect(sent).toBeGreaterThan(200);
    expect(failures).toEqual([]);
  });

  it('refuses a NUL in an email with 400 before it reaches the database', async () => {
    const res = await api.app.inject({
      method: 'POST',
      url: '/api/auth/signup',
      payload: { email: 'nul\u0000@example.com', password: 'long enough password' },
    });
    expect([res.statusCode, res.json().error.code]).toEqual([400, 'INPUT_INVALID']);
  });
});

/** Percent-encodes; a lone surrogate (which has no UTF-8) becomes its invalid 3-byte form. */
function encode(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return value.replace(/[\uD800-\uDFFF]/g, '%ED%A0%80').replace(/[^%\w]/g, encodeURIComponent);
  }
}

function inject(
  api: TestApi,
  op: Operation,
  hostile: { field: { in: string; name: string }; value: string; headers: Record<string, string> },
) {
  const { field, value, headers } = hostile;
  const valid: Record<string, string> = {
    id: '00000000-0000-4000-8000-000000000000',
    name: 'NAME',
  };
  let url = op.path.replace(/\{(\w+)\}/g, (_m, name: string) =>
    encode(field.in === 'params' && field.name === name ? value : (valid[name] ?? 'x')),
  );
  if (field.in === 'query') url += `?${field.name}=${encode(value)}`;
  const body: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(op.body)) {
    body[name] = schema.type === 'number' || schema.type === 'integer' ? 1 : 'valid text value';
  }
  if (field.in === 'body') body[field.name] = value;
  const hasBody = op.method !== 'GET' && op.method !== 'DELETE';
  return api.app.inject({
    method: op.method as 'GET',
    url,
    headers,
    ...(hasBody ? { payload: body } : {}),
  });
}
