import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gloss, REPO } from './run-gloss.js';

describe('the gloss command', () => {
  it('prints help listing its subcommands', () => {
    const { code, stdout } = gloss(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: gloss');
    expect(stdout).toContain('serve');
  });

  it('prints its version', () => {
    const { code, stdout } = gloss(['--version']);
    expect(code).toBe(0);
    expect(stdout.trim()).toBe(JSON.parse(readFileSync(resolve(REPO, 'package.json'), 'utf8')).version);
  });

  it('has help for a subcommand', () => {
    const { code, stdout } = gloss(['serve', '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('--port');
  });

  it('refuses an unknown command with a clear message and a non-zero exit', () => {
    const { code, stderr } = gloss(['frobnicate']);
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/unknown command 'frobnicate'/);
  });

  it('refuses a bad option value', () => {
    const { code, stderr } = gloss(['serve', '--port', 'abc']);
    expect(code).not.toBe(0);
    expect(stderr).toContain('Not a port number');
  });
});
