/**
 * Exports say who coded: CSV's creator column and Markdown show the coder's name, the JSON export
 * the W3C creator with the coder id; an export can be limited to chosen coders; an imported
 * highlight keeps its coder's id.
 */
import { describe, expect, it } from 'vitest';
import { collectText } from '../../../core/export/export-run.js';
import { creatorIdOf } from '../../../core/export/import-annotations.js';
import { startExport } from '../../../core/export/run-export.js';
import { GOV, highlight, newSession } from './test-library.js';

describe('coders in exports', () => {
  it('writes the W3C creator with the coder id, and filters by coder', async () => {
    const session = await newSession('Li Wei');
    const h = await highlight(session, GOV, '国内生产总值');
    const json = JSON.parse(await collectText((await startExport(session, { format: 'json' })).chunks));
    const item = json.first.items.find((i: { gloss: { id: string } }) => i.gloss.id === h.id);
    expect(item.creator).toEqual({ type: 'Person', id: 'urn:gloss:coder:li-wei', name: 'Li Wei' });

    const csv = (coders: string[]) =>
      startExport(session, { format: 'csv', bom: false, coders }).then((run) => collectText(run.chunks));
    expect(await csv(['li-wei'])).toContain('Li Wei');
    expect(await csv(['li-wei'])).toContain('国内生产总值');
    expect(await csv(['someone-else'])).not.toContain('国内生产总值');
  });

  it('reads the coder id of an imported creator from its URN, else from the name', () => {
    expect(creatorIdOf({ id: 'urn:gloss:coder:ana', name: 'Whatever' })).toBe('ana');
    expect(creatorIdOf({ name: 'Ana Lima' })).toBe('ana-lima');
    expect(creatorIdOf({ id: 'urn:gloss:coder:../../etc', name: 'Bo' })).toBe('bo');
  });
});
