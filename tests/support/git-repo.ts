/**
 * A team sharing a library through Git, for tests: a bare repository standing for the shared remote
 * and clones standing for each coder's machine, all in one temp dir. Git runs without the user's or
 * the system's config (its HOME is the temp dir), and each clone has its own user.name/email.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface GitTeam {
  /** The shared bare repository. */
  readonly remote: string;
  /** A new clone of the remote for `name` (a folder name and the commit author). */
  clone(name: string): string;
  /** Removes everything. */
  cleanup(): void;
}

/** Runs git in `cwd`; throws with git's own output on failure, so a test shows why. */
export function git(cwd: string, args: string[]): string {
  try {
    return execFileSync('git', args, {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 60_000,
      env: gitEnv(),
    });
  } catch (err) {
    const failed = err as { stdout?: string; stderr?: string; message: string };
    throw new Error(
      `git ${args.join(' ')} failed in ${cwd}:\n${failed.stdout ?? ''}${failed.stderr ?? failed.message}`,
      { cause: err },
    );
  }
}

/**
 * No global, XDG or system config, and no prompts: the test must not depend on the machine's git
 * setup. HOME points at a folder that is never created.
 */
function gitEnv(): NodeJS.ProcessEnv {
  const home = join(tmpdir(), 'gloss-git-no-home');
  return {
    PATH: process.env.PATH,
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_TERMINAL_PROMPT: '0',
    LANG: 'C',
  };
}

/** A bare repository on branch `main`, in a new temp dir. */
export function createGitTeam(): GitTeam {
  const root = mkdtempSync(join(tmpdir(), 'gloss-git-'));
  const remote = join(root, 'remote.git');
  mkdirSync(remote);
  git(remote, ['init', '--quiet', '--bare', '--initial-branch=main']);
  return {
    remote,
    clone(name) {
      const clone = join(root, name);
      git(root, ['clone', '--quiet', remote, clone]);
      git(clone, ['config', 'user.name', name]);
      git(clone, ['config', 'user.email', `${name}@example.invalid`]);
      // An empty remote has no branch yet: start `main` so the first push creates it.
      git(clone, ['checkout', '--quiet', '-B', 'main']);
      return clone;
    },
    cleanup() {
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** Stages everything (respecting .gitignore) and commits; false when there was nothing to commit. */
export function commitAll(clone: string, message: string): boolean {
  git(clone, ['add', '--all']);
  if (git(clone, ['status', '--porcelain']).trim() === '') return false;
  git(clone, ['commit', '--quiet', '-m', message]);
  return true;
}

/** Whether the remote has a `main` yet (before the first push it has none to pull). */
function remoteHasMain(clone: string): boolean {
  return git(clone, ['ls-remote', '--heads', 'origin', 'main']).trim() !== '';
}

/** `git pull --rebase`: my commits replayed on top of the others'. Throws on any conflict. */
export function pullRebase(clone: string): void {
  if (remoteHasMain(clone)) git(clone, ['pull', '--quiet', '--rebase', 'origin', 'main']);
}

/** `git pull` with a merge commit. Throws on any conflict. */
export function pull(clone: string): void {
  if (remoteHasMain(clone)) git(clone, ['pull', '--quiet', '--no-rebase', '--no-edit', 'origin', 'main']);
}

export function push(clone: string): void {
  git(clone, ['push', '--quiet', '--set-upstream', 'origin', 'main']);
}

/** Paths git reports as unmerged (empty when no conflict). */
export function unmergedPaths(clone: string): string[] {
  return git(clone, ['diff', '--name-only', '--diff-filter=U']).split('\n').filter(Boolean);
}

/** Files git tracks in the clone's HEAD. */
export function trackedFiles(clone: string): string[] {
  return git(clone, ['ls-files']).split('\n').filter(Boolean).sort();
}
