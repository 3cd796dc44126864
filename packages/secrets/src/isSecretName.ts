/**
 * Environment variable names whose values are treated as secrets even when nobody
 * declared them so: credentials, keys, and connection strings that carry a password.
 * Erring wide costs a few redacted non-secrets in a log; erring narrow leaks a credential.
 */
const SECRET_NAME =
  /SECRET|TOKEN|PASSWORD|PASSWD|API_?KEY|PRIVATE_?KEY|CREDENTIAL|DATABASE_URL|_DSN$/i;

/**
 * The one "is this a secret" rule for environment variable names.
 * @example isSecretName('STRIPE_API_KEY') // true
 * @example isSecretName('PORT') // false
 */
export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name);
}

/** The values of `env` whose names are secret names, for a redactor. */
export function secretValuesOf(env: Readonly<Record<string, string | undefined>>): string[] {
  return Object.entries(env)
    .filter(([name, value]) => value !== undefined && value !== '' && isSecretName(name))
    .map(([, value]) => value as string);
}
