import argon2 from 'argon2';

/**
 * argon2id with the library's defaults (64 MiB, t=3, p=4), above OWASP's minimum; slow on
 * purpose — it is what makes a stolen hash expensive to crack.
 */
export async function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

/** A hash of a random password, used to spend the same time when the user doesn't exist. */
let decoyHash: Promise<string> | undefined;

/**
 * Whether `password` matches the PHC string `hash`. With no hash (unknown user, or an
 * account without a password) it still runs one verification, so response time does not
 * reveal which emails have accounts.
 */
export async function verifyPassword(
  hash: string | null | undefined,
  password: string,
): Promise<boolean> {
  if (!hash) {
    decoyHash ??= hashPassword(`decoy-${Math.random()}`);
    await argon2.verify(await decoyHash, password).catch(() => false);
    return false;
  }
  return argon2.verify(hash, password).catch(() => false);
}
