import { randomBytes } from 'node:crypto';
import { secrets, users } from '@slipway/db';
import { createTestDatabase, type TestDatabase } from '@slipway/db/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSecretsService, type SecretsService } from './secretsService.js';
import { secretKeyFrom } from '@slipway/secrets';

let database: TestDatabase;
let service: SecretsService;
let userId: string;
const key = secretKeyFrom(randomBytes(32));

beforeAll(async () => {
  database = await createTestDatabase();
  service = createSecretsService({ database, key });
  const [user] = await database.db
    .insert(users)
    .values({ email: 'owner@example.test' })
    .returning();
  userId = user!.id;
});
afterAll(() => database?.drop());

const mine = () => ({ kind: 'user' as const, id: userId });
const project = { kind: 'project' as const, id: 'p-1' };

describe('secrets service', () => {
  it('stores values encrypted and lists only names and metadata', async () => {
    const metadata = await service.put({
      scope: mine(),
      name: 'API_TOKEN',
      value: 'tok-éè-🔑',
      createdBy: userId,
    });
    expect(metadata).toMatchObject({ name: 'API_TOKEN', scope: mine() });
    expect(JSON.stringify(metadata)).not.toContain('tok-');

    const { rows } = await database.pool.query('select * from secrets');
    expect(JSON.stringify(rows)).not.toContain('tok-');
    expect(rows[0]).toMatchObject({ key_id: key.id, created_by: userId });

    const listed = await service.list(mine());
    expect(listed).toEqual([metadata]);
    expect(JSON.stringify(listed)).not.toContain('tok-');
    expect(await service.resolve(mine())).toEqual({ API_TOKEN: 'tok-éè-🔑' });
  });

  it('replaces a value in place, keeping scopes apart', async () => {
    await service.put({ scope: mine(), name: 'DB_URL', value: 'one', createdBy: userId });
    await service.put({ scope: mine(), name: 'DB_URL', value: 'two', createdBy: userId });
    await service.put({ scope: project, name: 'DB_URL', value: 'project', createdBy: null });
    expect(await service.resolve(mine())).toMatchObject({ DB_URL: 'two' });
    expect(await service.resolve(project)).toEqual({ DB_URL: 'project' });
    expect((await service.list(mine())).map((s) => s.name)).toEqual(['API_TOKEN', 'DB_URL']);
  });

  it('removes a secret and says whether there was one', async () => {
    expect(await service.remove(project, 'DB_URL')).toBe(true);
    expect(await service.remove(project, 'DB_URL')).toBe(false);
    expect(await service.list(project)).toEqual([]);
  });

  it('treats SQL-shaped names as invalid input, not as SQL', async () => {
    await expect(
      service.put({
        scope: mine(),
        name: "X'; drop table secrets; --",
        value: 'v',
        createdBy: userId,
      }),
    ).rejects.toMatchObject({ code: 'INPUT_INVALID' });
    expect(await service.list({ kind: 'user', id: "' or 1=1 --" })).toEqual([]);
  });

  it('refuses to decrypt with another key', async () => {
    const other = createSecretsService({ database, key: secretKeyFrom(randomBytes(32)) });
    await expect(other.resolve(mine())).rejects.toMatchObject({ code: 'SECRET_UNREADABLE' });
  });

  it('detects a row copied into another secret or scope', async () => {
    const [source] = await database.db.select().from(secrets).where(eq(secrets.name, 'API_TOKEN'));
    await database.db.insert(secrets).values({
      ...source!,
      id: undefined,
      scopeKind: 'project',
      scopeId: 'p-stolen',
    });
    const error = await service
      .resolve({ kind: 'project', id: 'p-stolen' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'SECRET_UNREADABLE' });
    expect((error as Error).message).not.toContain('tok-');
  });
});
