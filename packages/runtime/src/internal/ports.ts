import { createServer } from 'node:net';
import { SlipwayError } from '@slipway/core';

/** Instances listen on loopback: the process driver serves this machine only. */
export const LOOPBACK = '127.0.0.1';

/** A port nothing listens on right now, chosen by the OS. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, LOOPBACK, () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

/**
 * Resolves when `port` can be bound on every interface (where apps such as the saas API
 * listen); a port in use is a `PORT_IN_USE` error naming it.
 */
export function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EADDRINUSE' && error.code !== 'EACCES') return reject(error);
      reject(
        new SlipwayError({
          code: 'PORT_IN_USE',
          component: 'Runtime',
          message: `Port ${port} is already in use by another process${error.code === 'EACCES' ? ' (or needs privileges)' : ''}.`,
          recovery: [
            `lsof -i :${port}   # find what holds it`,
            'slipway stop   # if it is an instance of this project',
            'unset PORT to let Slipway pick a free port',
          ],
          cause: error,
        }),
      );
    });
    server.listen(port, () => server.close(() => resolve()));
  });
}
