/**
 * Tests that need a program from the system (`syncthing`, `git`): on a developer's machine without
 * it they skip and say why; on CI (`CI=true`, where `.ci/run` installs it) a missing program is a
 * failure, so the proof never silently disappears.
 */
import { spawnSync } from 'node:child_process';
import { it } from 'vitest';

export interface RequiredTool {
  /** True when the tests may run. */
  available: boolean;
  /** Why they do not run (empty when available). */
  reason: string;
}

/** Whether `command --version` runs. */
export function requiredTool(command: string): RequiredTool {
  const probe = spawnSync(command, ['--version'], { encoding: 'utf8', timeout: 10_000 });
  if (probe.status === 0) return { available: true, reason: '' };
  return {
    available: false,
    reason: `"${command}" is not installed (apt-get install ${command}); these tests are skipped`,
  };
}

/**
 * Call inside a `describe.skipIf(!tool.available)` sibling: registers one test that fails on CI when
 * the tool is missing, and logs the reason for skipping elsewhere.
 */
export function reportMissingTool(tool: RequiredTool): void {
  if (tool.available) return;
  if (process.env.CI === 'true') {
    it('has the program installed (CI installs it in .ci/run)', () => {
      throw new Error(tool.reason.replace('these tests are skipped', 'required on CI'));
    });
  } else {
    console.warn(`skipped: ${tool.reason}`);
  }
}
