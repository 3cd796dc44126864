import { randomBytes } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@slipway/db/testing';
import type { AuthMailer, MailRecipient } from '../auth/authMailer.js';
import { buildServer } from '../buildServer.js';
import type { SlipwayApp } from '../http/slipwayApp.js';
import { registerApi, type ApiDependencies } from '../routes/registerApi.js';
import { createSecretsService, secretKeyFrom } from '../secrets/index.js';
import { listDevMailbox } from '../email/index.js';
import { captureLog } from './captureLog.js';

export interface TestApi {
  app: SlipwayApp;
  database: TestDatabase;
  authKey: Uint8Array;
  /** Links the auth flows asked the mailer to send, newest last. */
  links: Array<{ kind: 'verification' | 'reset'; to: string; link: string }>;
  logText(): string;
  close(): Promise<void>;
}

/** Records the links instead of queueing mail; the email path has its own end-to-end test. */
function linkRecorder(links: TestApi['links']): AuthMailer {
  const record = (kind: 'verification' | 'reset') => async (user: MailRecipient, link: string) => {
    links.push({ kind, to: user.email, link });
  };
  return { sendVerification: record('verification'), sendPasswordReset: record('reset') };
}

/** An in-process API on a fresh test database, with the log captured. */
export async function startTestApi(overrides: Partial<ApiDependencies> = {}): Promise<TestApi> {
  const database = await createTestDatabase();
  const log = captureLog();
  const links: TestApi['links'] = [];
  const authKey = randomBytes(32);
  const app = await buildServer({
    log: { stream: log.stream },
    health: { pingDatabase: async () => void (await database.pool.query('select 1')) },
    registerApi: (app, context) =>
      registerApi({
        database,
        authKey,
        mailer: linkRecorder(links),
        baseUrl: 'http://slipway.test',
        secrets: createSecretsService({ database, key: secretKeyFrom(randomBytes(32)) }),
        devMailbox: { list: (query) => listDevMailbox(database.db, query) },
        rateLimits: {
          login: { max: 1000, timeWindow: '1 minute' },
          signup: { max: 1000, timeWindow: '1 minute' },
          reset: { max: 1000, timeWindow: '1 minute' },
        },
        ...overrides,
      })(app, context),
  });
  return {
    app,
    database,
    authKey,
    links,
    logText: log.text,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}
