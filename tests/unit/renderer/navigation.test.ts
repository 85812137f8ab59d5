// The navigation reducer: where the user is and what they are doing, one event at a time.
import { describe, expect, it } from 'vitest';
import {
  cycleHighlight,
  initialNavigation,
  navigate,
  stepArticle,
  type Navigation,
  type NavigationEvent,
} from '../../../renderer/src/state/navigation.js';
import type { PendingSelection } from '../../../renderer/src/coding/pending-selection.js';

const selection = (id: string): PendingSelection => ({
  id,
  articleId: 'a1',
  start: 0,
  end: 4,
  quote: { exact: 'news', prefix: '', suffix: '' },
  textVersion: 'v1',
});

const run = (...events: NavigationEvent[]): Navigation => events.reduce(navigate, initialNavigation);

describe('navigation', () => {
  it('drops the selection, the active highlight and the editor when another article is selected', () => {
    const state = run(
      { type: 'select-article', id: 'a1' },
      { type: 'select-text', selection: selection('s1') },
      { type: 'open-editor', focus: 'tags' },
      { type: 'select-article', id: 'a2' },
    );
    expect(state).toMatchObject({ selectedId: 'a2', pending: null, activeId: null, editor: null });
  });

  it('opens the editor on the active highlight first, else on the selection, else not at all', () => {
    expect(run({ type: 'open-editor', focus: 'note' }).editor).toBeNull();
    const onSelection = run(
      { type: 'select-text', selection: selection('s1') },
      { type: 'open-editor', focus: 'note' },
    );
    expect(onSelection.editor).toEqual({ kind: 'new', focus: 'note' });
    const onActive = run({ type: 'click-highlight', id: 'h1' }, { type: 'open-editor', focus: 'tags' });
    expect(onActive.editor).toEqual({ kind: 'edit', focus: 'tags' });
  });

  it('closes the innermost thing on Escape: the editor, then the selection, then the active highlight', () => {
    let state = run(
      { type: 'click-highlight', id: 'h1' },
      { type: 'select-text', selection: selection('s1') },
      { type: 'open-editor', focus: 'tags' },
    );
    expect(state.activeId).toBeNull(); // a new selection replaces the active highlight
    state = navigate(state, { type: 'escape' });
    expect(state).toMatchObject({ editor: null, pending: selection('s1') });
    state = navigate(state, { type: 'escape' });
    expect(state.pending).toBeNull();
    state = navigate(navigate(state, { type: 'activate', id: 'h2' }), { type: 'escape' });
    expect(state.activeId).toBeNull();
  });

  it('makes the new highlight active only while its selection is still the pending one', () => {
    const made = run(
      { type: 'select-text', selection: selection('s1') },
      { type: 'highlight-made', selectionId: 's1', id: 's1' },
    );
    expect(made).toMatchObject({ pending: null, activeId: 's1', editor: null });
    const movedOn = run(
      { type: 'select-text', selection: selection('s1') },
      { type: 'select-text', selection: selection('s2') },
      { type: 'highlight-made', selectionId: 's1', id: 's1' },
    );
    expect(movedOn).toMatchObject({ pending: selection('s2'), activeId: null });
  });

  it('closing the popover of a new highlight drops its selection; of an edit keeps it', () => {
    const fresh = run(
      { type: 'select-text', selection: selection('s1') },
      { type: 'open-editor', focus: 'tags' },
    );
    expect(navigate(fresh, { type: 'close-editor' })).toMatchObject({ editor: null, pending: null });
    const edit = run({ type: 'click-highlight', id: 'h1' }, { type: 'close-editor' });
    expect(edit).toMatchObject({ editor: null, activeId: 'h1' });
  });

  it('a cleared selection closes only a new highlight’s editor', () => {
    const fresh = run(
      { type: 'select-text', selection: selection('s1') },
      { type: 'open-editor', focus: 'tags' },
    );
    expect(navigate(fresh, { type: 'select-text', selection: null }).editor).toBeNull();
    const edit = run({ type: 'click-highlight', id: 'h1' });
    expect(navigate(edit, { type: 'select-text', selection: null }).editor).toEqual({
      kind: 'edit',
      focus: 'none',
    });
  });

  it('opens a hit in the reader and jumps once it is there, landing on the highlight', () => {
    let state = run(
      { type: 'set-view', view: 'highlights' },
      { type: 'open-at', jump: { articleId: 'a3', annotationId: 'h9' } },
    );
    expect(state).toMatchObject({
      selectedId: 'a3',
      view: 'reader',
      jump: { articleId: 'a3', annotationId: 'h9' },
    });
    state = navigate(state, { type: 'jumped', activeId: 'h9' });
    expect(state).toMatchObject({ jump: null, activeId: 'h9' });
  });

  it('forgets the deleted highlight only if it was the active one', () => {
    const state = run({ type: 'click-highlight', id: 'h1' });
    expect(navigate(state, { type: 'highlight-deleted', id: 'h2' })).toBe(state);
    expect(navigate(state, { type: 'highlight-deleted', id: 'h1' })).toMatchObject({
      activeId: null,
      editor: null,
    });
  });

  it('toggles the highlights view and opens dialogs on a tab', () => {
    expect(run({ type: 'set-view', view: 'toggle' }).view).toBe('highlights');
    expect(run({ type: 'set-view', view: 'toggle' }, { type: 'set-view', view: 'toggle' }).view).toBe(
      'reader',
    );
    const state = run({ type: 'open-dialog', dialog: 'export', tab: 'import' });
    expect(state).toMatchObject({ dialog: 'export', exportTab: 'import' });
    expect(navigate(state, { type: 'close-dialog' }).dialog).toBeNull();
  });

  it('steps through the visible articles without leaving the list', () => {
    expect(stepArticle(['a', 'b', 'c'], null, 1)).toBe('a');
    expect(stepArticle(['a', 'b', 'c'], 'b', 1)).toBe('c');
    expect(stepArticle(['a', 'b', 'c'], 'c', 1)).toBeNull();
    expect(stepArticle(['a', 'b', 'c'], 'a', -1)).toBeNull();
    expect(stepArticle([], 'a', 1)).toBeNull();
  });

  it('cycles through the placed highlights, wrapping around and skipping orphans', () => {
    const list = [
      { id: 'x', range: { start: 0, end: 1 } },
      { id: 'orphan', range: null },
      { id: 'y', range: { start: 5, end: 6 } },
    ];
    expect(cycleHighlight(list, null, 1)?.id).toBe('x');
    expect(cycleHighlight(list, 'x', 1)?.id).toBe('y');
    expect(cycleHighlight(list, 'y', 1)?.id).toBe('x');
    expect(cycleHighlight(list, 'x', -1)?.id).toBe('y');
    expect(cycleHighlight([{ id: 'orphan', range: null }], null, 1)).toBeNull();
  });
});
