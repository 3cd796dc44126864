import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SlipwayError, projectConfigSchema } from '@slipway/core';
import type { ProjectConfig } from '@slipway/core';
import { parseYaml } from './internal/parseYaml.js';
import { parseWithSchema } from './internal/zodToError.js';

/** Largest config file accepted: a setup file is a page of YAML, not a data dump. */
const MAX_CONFIG_BYTES = 1024 * 1024;

/** Reads and validates a project config file (`setup.yaml`, YAML or JSON). */
export function loadProjectConfig(path: string): ProjectConfig {
  const file = resolve(path);
  if (!existsSync(file)) {
    throw new SlipwayError({
      code: 'CONFIG_NOT_FOUND',
      component: 'Config',
      message: `config file ${file} does not exist`,
      recovery: ['Run: slipway init-config > setup.yaml   (an example with every option)'],
    });
  }
  const text = readFileSync(file);
  if (text.length > MAX_CONFIG_BYTES) {
    throw new SlipwayError({
      code: 'CONFIG_INVALID',
      component: 'Config',
      message: `config file ${file} is ${text.length} bytes; the limit is ${MAX_CONFIG_BYTES}`,
      location: { file },
    });
  }
  return parseWithSchema(projectConfigSchema, parseYaml(text.toString('utf8'), file) ?? {}, {
    code: 'CONFIG_INVALID',
    component: 'Config',
    file,
    what: 'the project config',
  });
}
