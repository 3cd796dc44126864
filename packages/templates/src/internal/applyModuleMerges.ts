import { SlipwayError } from '@slipway/core';
import type { ProjectTree } from '../projectTree.js';
import { applyMerge } from './applyMerge.js';
import type { ModuleMerge } from './collectContributions.js';
import type { LiquidRenderer } from './liquidRenderer.js';
import { checkRenderedPath } from './paths.js';
import { parseYaml } from './parseYaml.js';

export interface ApplyMergesOptions {
  tree: ProjectTree;
  merges: readonly ModuleMerge[];
  renderer: LiquidRenderer;
  context: object;
}

const COMMENT_PREFIX: Record<string, string> = {
  sql: '--',
  ts: '//',
  js: '//',
  tsx: '//',
  css: '/*',
};

/** Applies every module's merge fragments to the rendered tree, in module order. */
export function applyModuleMerges(options: ApplyMergesOptions): void {
  for (const { module, fragment } of options.merges) {
    const owner = `module "${module.name}"`;
    const source = `${module.dir}/module.yaml`;
    const into = checkRenderedPath(fragment.into.split('/'), source) ?? fragment.into;
    const target = options.tree.get(into);
    if (!target) {
      throw new SlipwayError({
        code: 'TEMPLATE_INVALID',
        component: 'Modules',
        message: `${owner} merges into ${fragment.into}, which the project does not have`,
        location: { file: source },
      });
    }
    const readAsset = (path: string) => {
      const asset = module.assets.get(path);
      if (!asset) {
        throw new SlipwayError({
          code: 'TEMPLATE_INVALID',
          component: 'Modules',
          message: `${owner} names the fragment file ${path}, which is not in ${module.dir}`,
          location: { file: source },
        });
      }
      return {
        text: options.renderer.render(
          asset.content.toString('utf8'),
          options.context,
          asset.absolutePath,
        ),
        file: asset.absolutePath,
      };
    };
    const text = target.content.toString('utf8');
    let merged: string;
    if ('appendFile' in fragment) {
      merged = appendOnce(text, readAsset(fragment.appendFile).text, { into, module: module.name });
    } else {
      const format = 'json' in fragment || 'jsonFile' in fragment ? 'json' : 'yaml';
      const value = fragmentValue(fragment, readAsset);
      merged = applyMerge({ text, into, fragment: value, format, owner });
    }
    options.tree.set(into, { ...target, content: Buffer.from(merged, 'utf8') });
  }
}

function fragmentValue(
  fragment: Exclude<ModuleMerge['fragment'], { appendFile: string }>,
  readAsset: (path: string) => { text: string; file: string },
): unknown {
  if ('json' in fragment) return fragment.json;
  if ('yaml' in fragment) return fragment.yaml;
  if ('yamlFile' in fragment) {
    const { text, file } = readAsset(fragment.yamlFile);
    return parseYaml(text, file);
  }
  const { text, file } = readAsset(fragment.jsonFile);
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw new SlipwayError({
      code: 'JSON_SYNTAX',
      component: 'Modules',
      message: `${file} is not valid JSON: ${(cause as Error).message}`,
      location: { file },
      cause,
    });
  }
}

/** Appends `addition` under a `module: <name>` marker, unless that marker is already there. */
function appendOnce(
  text: string,
  addition: string,
  where: { into: string; module: string },
): string {
  const extension = where.into.split('.').pop() ?? '';
  const prefix = COMMENT_PREFIX[extension] ?? '#';
  const suffix = prefix === '/*' ? ' */' : '';
  const marker = `${prefix} module: ${where.module}${suffix}`;
  if (text.split('\n').includes(marker)) return text;
  const separator = text.length === 0 || text.endsWith('\n') ? '' : '\n';
  const body = addition.endsWith('\n') ? addition : `${addition}\n`;
  return `${text}${separator}\n${marker}\n${body}`;
}
