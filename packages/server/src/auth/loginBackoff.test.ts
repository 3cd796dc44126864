import { describe, expect, it } from 'vitest';
import { createLoginBackoff } from './loginBackoff.js';

const victim = { email: 'Ada@Example.com', client: '203.0.113.7' };

describe('login backoff', () => {
  it('makes one client wait after 5 failures, doubling per failure', () => {
    const backoff = createLoginBackoff();
    for (let i = 0; i < 5; i++) backoff.failed(victim, 0);
    expect(() => backoff.check(victim, 0)).not.toThrow();
    backoff.failed(victim, 0);
    expect(() => backoff.check({ ...victim, email: 'ada@example.com' }, 999)).toThrow(
      /retry in 1 s/,
    );
    expect(() => backoff.check(victim, 1_000)).not.toThrow();
    backoff.failed(victim, 1_000);
    expect(() => backoff.check(victim, 2_999)).toThrow(/RATE|retry/);
  });

  it('does not hold the owner, from their own address, for an attacker elsewhere', () => {
    const backoff = createLoginBackoff();
    for (let i = 0; i < 40; i++) backoff.failed({ ...victim, client: '198.51.100.1' }, 0);
    expect(() => backoff.check(victim, 0)).not.toThrow();
  });

  it('caps the account-wide wait a distributed attacker can impose at one minute', () => {
    const backoff = createLoginBackoff();
    for (let i = 0; i < 500; i++)
      backoff.failed({ ...victim, client: `10.0.${i >> 8}.${i & 255}` }, 0);
    expect(() => backoff.check(victim, 59_999)).toThrow(/retry in 1 s/);
    expect(() => backoff.check(victim, 60_000)).not.toThrow();
  });

  it('forgets a client’s failures after a success', () => {
    const backoff = createLoginBackoff();
    for (let i = 0; i < 6; i++) backoff.failed(victim, 0);
    backoff.succeeded(victim);
    expect(() => backoff.check(victim, 0)).not.toThrow();
  });
});
