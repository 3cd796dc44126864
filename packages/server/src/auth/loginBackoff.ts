import { SlipwayError } from '@slipway/core';

/** Failures of one (account, client) pair allowed before each attempt must wait. */
const FREE_FAILURES = 5;
/** The longest wait a pair's failures can impose. */
const MAX_PAIR_DELAY_MS = 15 * 60_000;
/** Across all clients an account waits at most this long: an attacker cannot lock it out. */
const MAX_ACCOUNT_DELAY_MS = 60_000;
/** Failures of one account from all clients before it waits at all. */
const FREE_ACCOUNT_FAILURES = 50;
/** Entries kept at most (oldest dropped): memory stays bounded under a spray of emails. */
const MAX_ENTRIES = 100_000;

interface Failures {
  count: number;
  /** No attempt is checked before this instant (ms). */
  notBefore: number;
}

export interface LoginBackoff {
  /** `RATE_LIMITED` when this account or (account, client) pair must still wait. */
  check(input: { email: string; client: string }, now?: number): void;
  failed(input: { email: string; client: string }, now?: number): void;
  succeeded(input: { email: string; client: string }): void;
}

/**
 * Per-account login backoff on top of the per-IP rate limit. Failures count per (account,
 * client address): after 5, each attempt waits 2^(n−5) s, up to 15 min — that client
 * only. Failures count per account too, from every client, but past 50 the account's wait
 * grows only to 1 min: a distributed guesser is slowed to about one guess a minute per
 * account while its owner, from their own address, is never held longer than a minute.
 * In memory per process: several API processes each keep their own counts.
 */
export function createLoginBackoff(): LoginBackoff {
  const pairs = new Map<string, Failures>();
  const accounts = new Map<string, Failures>();
  const keys = (input: { email: string; client: string }) => {
    const account = input.email.normalize('NFC').toLowerCase();
    return { account, pair: `${account}\u0000${input.client}` };
  };
  return {
    check(input, now = Date.now()) {
      const { account, pair } = keys(input);
      const wait = Math.max(pairs.get(pair)?.notBefore ?? 0, accounts.get(account)?.notBefore ?? 0);
      if (wait > now) throw tooManyFailures(wait - now);
    },
    failed(input, now = Date.now()) {
      const { account, pair } = keys(input);
      bump(pairs, pair, { free: FREE_FAILURES, maxMs: MAX_PAIR_DELAY_MS, now });
      bump(accounts, account, { free: FREE_ACCOUNT_FAILURES, maxMs: MAX_ACCOUNT_DELAY_MS, now });
    },
    succeeded(input) {
      pairs.delete(keys(input).pair);
    },
  };
}

function bump(
  map: Map<string, Failures>,
  key: string,
  rule: { free: number; maxMs: number; now: number },
): void {
  const entry = map.get(key) ?? { count: 0, notBefore: 0 };
  entry.count += 1;
  const over = entry.count - rule.free;
  entry.notBefore = over > 0 ? rule.now + Math.min(1000 * 2 ** (over - 1), rule.maxMs) : 0;
  map.delete(key);
  map.set(key, entry);
  if (map.size > MAX_ENTRIES) map.delete(map.keys().next().value!);
}

function tooManyFailures(waitMs: number): SlipwayError {
  const seconds = Math.ceil(waitMs / 1000);
  return new SlipwayError({
    code: 'RATE_LIMITED',
    component: 'Auth',
    message: `Too many failed sign-ins for this account; retry in ${seconds} s`,
    recovery: [`Wait ${seconds} s`, 'or reset the password: POST /api/auth/password-reset'],
  });
}
