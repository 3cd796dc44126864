import { isCancel, multiselect, text } from '@clack/prompts';
import { SlipwayError, projectNameSchema } from '@slipway/core';
import type { LoadedTemplate } from '@slipway/templates';
import type { CreateRequest } from './resolveCreateInput.js';

/**
 * Asks for what the user did not give: the project name, the modules, and required
 * parameters that have no default. Returns a new request; the input is not changed.
 */
export async function promptForMissing(
  request: CreateRequest,
  template: LoadedTemplate,
): Promise<CreateRequest> {
  const input = { ...request.input, project: { ...request.input.project } };
  if (!request.given.name) {
    input.project.name = unlessCancelled(
      await text({
        message: 'Project name (package scope, e.g. acme → @acme/api)',
        defaultValue: input.project.name,
        placeholder: input.project.name,
        validate: (value) => {
          const result = projectNameSchema.safeParse(value || input.project.name);
          return result.success ? undefined : result.error.issues[0]?.message;
        },
      }),
    );
  }
  if (!request.given.modules && template.modules.size > 0) {
    input.modules = unlessCancelled(
      await multiselect({
        message: 'Modules',
        options: [...template.modules.values()].map((m) => ({
          value: m.name,
          label: m.name,
          hint: m.manifest.description,
        })),
        initialValues: template.manifest.modules.default,
        required: false,
      }),
    );
  }
  const answers = { ...input.answers };
  const { properties, required } = template.manifest.parameters;
  for (const key of required) {
    const property = properties[key] ?? {};
    if (key in answers || 'default' in property) continue;
    answers[key] = unlessCancelled(
      await text({
        message: `${key}${property.description ? ` — ${String(property.description)}` : ''}`,
      }),
    );
  }
  return { ...request, input: { ...input, answers } };
}

function unlessCancelled<T>(value: T): Exclude<T, symbol> {
  if (isCancel(value) || typeof value === 'symbol') {
    throw new SlipwayError({
      code: 'INTERRUPTED',
      component: 'CLI',
      message: 'cancelled; nothing was written',
    });
  }
  return value as Exclude<T, symbol>;
}
