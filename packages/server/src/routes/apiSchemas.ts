import { z } from 'zod';
import { errorBodySchema } from '../http/errorBody.js';

/**
 * RFC 5322 dot-atom addresses, with letters and digits of any script (RFC 6531), at a
 * domain of two or more labels (letters, digits, inner hyphens; a letter or punycode TLD).
 * Rejects `a@b`, `a@x..com`, `<script>@x.com`, quoted local parts and IP literals.
 */
const EMAIL_PATTERN =
  /^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+(?:\.[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+)*@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+(?:\p{L}{2,63}|xn--[a-z0-9-]{1,59})$/u;

/**
 * Emails are trimmed and NFC-normalised, then checked by zod's `email()` with the pattern
 * above (zod's own patterns either refuse every non-ASCII address or accept `a@b`). Case
 * is kept but lookups ignore it (see userStore).
 */
export const emailSchema = z
  .string()
  .trim()
  .max(254)
  .transform((email) => email.normalize('NFC'))
  .pipe(z.email({ pattern: EMAIL_PATTERN }));

/**
 * Passwords: long enough to resist guessing, bounded so hashing cannot be made slow on
 * purpose (argon2 cost grows with input length only mildly, but bodies stay small).
 */
export const passwordSchema = z.string().min(10).max(256);

export const publicUserSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    displayName: z.string().nullable(),
    role: z.enum(['admin', 'member']),
    emailVerified: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: 'User' });

export const tokenPairSchema = z
  .object({
    accessToken: z.string(),
    refreshToken: z.string(),
    tokenType: z.literal('Bearer'),
    expiresIn: z.number().int(),
    user: publicUserSchema,
  })
  .meta({ id: 'TokenPair' });

export const refreshBodySchema = z.object({ refreshToken: z.string().min(1).max(512) });

/** Responses every authenticated route can give besides its own. */
export const authErrorResponses = {
  401: errorBodySchema,
  403: errorBodySchema,
} as const;

/** `security` entry for routes that need a bearer token (OpenAPI). */
export const BEARER = [{ bearer: [] }];
