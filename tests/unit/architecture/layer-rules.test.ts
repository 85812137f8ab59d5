/**
 * The layering in eslint.config.js fires on the imports it forbids and lets the allowed ones
 * through: each case lints a one-line file placed (in memory) where the import would be written.
 */
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const eslint = new ESLint({ cwd: root });

/** The `gloss/layers` and `no-restricted-imports` messages for `code` written at `file`. */
async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport const x = y;\n`, {
    filePath: path.join(root, file),
  });
  return result!.messages
    .filter((m) => m.ruleId === 'gloss/layers' || m.ruleId === 'no-restricted-imports')
    .map((m) => m.message);
}

describe('layer rules', () => {
  it.each([
    ['core/store/new.ts', "import { y } from '../api/contract.js';", 'below core/api'],
    ['core/settings/new.ts', "import { y } from '../api/service-context.js';", 'below core/api'],
    ['core/new.ts', "import { y } from './api/define.js';", 'below core/api'],
    ['core/library/new.ts', "import { y } from '../../electron/menu.js';", 'desktop host'],
    ['core/api/new.ts', "import { y } from '../../cli/main.js';", 'command line'],
    ['core/export/new.ts', "import { y } from '../../renderer/src/error-text.js';", 'Only the renderer'],
    ['cli/new.ts', "import { y } from '../electron/security.js';", 'desktop host'],
    ['cli/serve/new.ts', "import { y } from '../../renderer/src/format-date.js';", 'Only the renderer'],
    ['electron/new.ts', "import { y } from '../cli/app-paths.js';", 'command line'],
    [
      'renderer/src/new.ts',
      "import { y } from '../../core/store/annotation-service.js';",
      'RENDERER_MAY_IMPORT',
    ],
    ['renderer/src/new.ts', "import { y } from '../../core/api/dispatch.js';", 'RENDERER_MAY_IMPORT'],
    [
      'renderer/src/coding/new.ts',
      "export { y } from '../../../core/clean/sanitize.js';",
      'RENDERER_MAY_IMPORT',
    ],
    ['renderer/src/new.ts', "const m = import('../../cli/main.js');", 'command line'],
    ['core/store/new.ts', "import { y } from '../../tests/support/import-graph.js';", 'tests'],
    ['core/store/new.ts', "import { y } from 'electron';", 'Only electron/'],
  ])('%s: %s is refused', async (file, code, message) => {
    const errors = await layerErrors(file, code);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(message);
  });

  it.each([
    ['core/store/new.ts', "import { y } from '../errors.js';"],
    ['core/store/new.ts', "import { y } from '../limits.js';"],
    ['core/api/new.ts', "import { y } from '../store/annotation-service.js';"],
    ['cli/new.ts', "import { y } from '../core/api/dispatch.js';"],
    ['electron/new.ts', "import { y } from '../core/api/service.js';"],
    ['renderer/src/new.ts', "import { y } from '../../core/model.js';"],
    ['renderer/src/new.ts', "import { y } from '../../core/api/client.js';"],
    ['renderer/src/new.ts', "import { y } from './api/api-client.js';"],
    ['tests/unit/new.test.ts', "import { y } from '../../core/store/annotation-store.js';"],
  ])('%s: %s is allowed', async (file, code) => {
    expect(await layerErrors(file, code)).toEqual([]);
  });
});
