import { applyEdits, modify, parse as parseJsonc, printParseErrorCode } from 'jsonc-parser';
import type { ParseError } from 'jsonc-parser';
import { parseDocument } from 'yaml';
import { SlipwayError } from '@slipway/core';
import { MergeConflict, deepMergeEdits } from './deepMerge.js';

export interface MergeRequest {
  /** Current text of the target file. */
  text: string;
  /** The target's project path, for messages. */
  into: string;
  fragment: unknown;
  format: 'json' | 'yaml';
  /** Who contributes the fragment (`module "kb"`), for messages. */
  owner: string;
}

/** Deep-merges a fragment into JSON(C) or YAML text, keeping comments and key order. */
export function applyMerge(request: MergeRequest): string {
  try {
    return request.format === 'json' ? mergeJson(request) : mergeYaml(request);
  } catch (error) {
    if (!(error instanceof MergeConflict)) throw error;
    throw new SlipwayError({
      code: 'MERGE_CONFLICT',
      component: 'Modules',
      message: `${request.owner} cannot merge into ${request.into}: ${error.message}`,
      location: { file: request.into },
      recovery: [
        'Make the modules agree on that value, or mark them as conflicting in module.yaml',
      ],
    });
  }
}

function mergeJson(request: MergeRequest): string {
  const errors: ParseError[] = [];
  const current: unknown = parseJsonc(request.text, errors, { allowTrailingComma: true });
  const first = errors[0];
  if (first) {
    throw new SlipwayError({
      code: 'JSON_SYNTAX',
      component: 'Modules',
      message: `${request.into} is not valid JSON (${printParseErrorCode(first.error)} at offset ${first.offset}), so ${request.owner} cannot merge into it`,
      location: { file: request.into },
    });
  }
  let text = request.text;
  const formattingOptions = { insertSpaces: true, tabSize: 2, eol: '\n' };
  for (const edit of deepMergeEdits(current, request.fragment)) {
    if (edit.kind === 'set') {
      text = applyEdits(text, modify(text, edit.path, edit.value, { formattingOptions }));
      continue;
    }
    edit.items.forEach((item, offset) => {
      const path = [...edit.path, edit.at + offset];
      const edits = modify(text, path, item, { formattingOptions, isArrayInsertion: true });
      text = applyEdits(text, edits);
    });
  }
  return text;
}

function mergeYaml(request: MergeRequest): string {
  const doc = parseDocument(request.text);
  if (doc.errors.length > 0) {
    throw new SlipwayError({
      code: 'YAML_SYNTAX',
      component: 'Modules',
      message: `${request.into} is not valid YAML, so ${request.owner} cannot merge into it: ${doc.errors[0]?.message.split('\n')[0]}`,
      location: { file: request.into },
    });
  }
  for (const edit of deepMergeEdits(doc.toJS() ?? {}, request.fragment)) {
    if (edit.kind === 'set') doc.setIn(edit.path, doc.createNode(edit.value));
    else for (const item of edit.items) doc.addIn(edit.path, doc.createNode(item));
  }
  return doc.toString({ lineWidth: 0 });
}
