import { SlipwayError } from '@slipway/core/errors';
import type { StepContext } from '../engine/stepDefinition.js';
import { lastLines } from '../errors/classifyFailure.js';

/**
 * Builds the project's Dockerfile as `<name>:<digest prefix>` when a Docker engine answers
 * (`docker version` reaches a server); without one, logs that the image was skipped and
 * returns undefined. The tarball stays the artifact that `deploy` uses.
 */
export async function dockerImage(
  context: StepContext,
  input: { name: string; digest: string },
): Promise<string | undefined> {
  const probe = await context
    .exec('docker', ['version', '--format', '{{.Server.Version}}'])
    .catch(() => undefined);
  if (!probe || probe.exitCode !== 0) {
    context.log('no Docker engine answered: the image is skipped (the tarball is the artifact)');
    return undefined;
  }
  // Docker repository names: lowercase alphanumerics and separators, starting alphanumeric.
  const repository = input.name
    .toLowerCase()
    .replace(/[^a-z0-9._-]/g, '-')
    .replace(/^[^a-z0-9]+/, '');
  const tag = `${repository || 'app'}:${input.digest.replace('sha256:', '').slice(0, 12)}`;
  const result = await context.exec('docker', ['build', '-t', tag, '.']);
  if (result.exitCode !== 0) {
    throw new SlipwayError({
      code: 'STEP_FAILED',
      component: 'Pipeline',
      message: `package: docker build -t ${tag} failed:\n${lastLines(result.output, 15)}`,
      recovery: [
        'Run: slipway up --only package --force',
        'Or skip the image: stop the Docker engine',
      ],
    });
  }
  context.log(`image ${tag}`);
  return tag;
}
