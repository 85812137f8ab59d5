/**
 * ESLint rule `gloss/layers`: which of Gloss's own folders a file may import, as VS Code's
 * `code-import-patterns` does. Each relative import is resolved to a path from the repository root
 * and checked against the `forbid` entries configured for the importing file (eslint.config.js):
 * an entry names a folder or file (`core/api/`), optionally files under it that stay allowed
 * (`except`), and the message shown when the import breaks the rule.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The imported file as a root-relative path with `/` separators, or null for a package import. */
function importedPath(filename, specifier) {
  if (!specifier.startsWith('.')) return null;
  const abs = path.resolve(path.dirname(filename), specifier).replace(/\.js$/, '.ts');
  return path.relative(ROOT, abs).split(path.sep).join('/');
}

/** `core/api/` matches the folder and what is under it; `core/model.ts` matches that file. */
function matches(target, entry) {
  const bare = target.replace(/\.tsx?$/, '');
  return entry.endsWith('/') ? target.startsWith(entry) : bare === entry.replace(/\.tsx?$/, '');
}

export const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Keeps each part of Gloss to the imports its layer allows.' },
    schema: [
      {
        type: 'object',
        properties: {
          forbid: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                path: { type: 'string' },
                except: { type: 'array', items: { type: 'string' } },
                message: { type: 'string' },
              },
              required: ['path', 'message'],
              additionalProperties: false,
            },
          },
        },
        additionalProperties: false,
      },
    ],
  },
  create(context) {
    const forbid = context.options[0]?.forbid ?? [];
    const check = (node) => {
      const specifier = node.source?.value;
      if (typeof specifier !== 'string') return;
      const target = importedPath(context.filename, specifier);
      if (target === null) return;
      for (const entry of forbid) {
        if (!matches(target, entry.path)) continue;
        if ((entry.except ?? []).some((allowed) => matches(target, allowed))) continue;
        context.report({ node: node.source, message: `${entry.message} (imports ${target})` });
        return;
      }
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

export default { rules: { layers: layersRule } };
