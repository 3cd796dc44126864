import { describe, expect, it } from 'vitest';
import { emailSchema } from './apiSchemas.js';

describe('emailSchema', () => {
  // Regression: these were accepted as account emails.
  it.each(['a@b', 'a@x..com', '<script>@x.com', 'a..b@x.com', '.a@x.com', 'a@-x.com', 'a b@x.com'])(
    'refuses %s',
    (email) => {
      expect(emailSchema.safeParse(email).success).toBe(false);
    },
  );

  it.each([
    'ada@example.com',
    'zoë@example.com',
    "o'neil+tag@sub.example.co.uk",
    'x@xn--p1ai.xn--p1ai',
    '用户@例子.广告',
  ])('accepts %s', (email) => {
    expect(emailSchema.safeParse(email).success).toBe(true);
  });
});
