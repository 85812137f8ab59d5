/**
 * Selecting text in the article body, with the mouse or the keyboard, reported as canonical
 * offsets (snapped to whole sentences when asked). A mouse press that selects nothing is a plain
 * click, handed to `onPlainClick` (see use-highlight-click.ts).
 */
import { useCallback } from 'react';
import type { KeyboardEvent, MouseEvent, RefObject } from 'react';
import { snapToSentence } from '../../../core/anchor/snap-to-sentence.js';
import { extendToWords } from '../../../core/anchor/extend-to-words.js';
import { offsetsOfRange, rangeOfOffsets, type OffsetRange, type TextMap } from './text-map.js';

export interface ReaderSelectionOptions {
  bodyRef: RefObject<HTMLDivElement | null>;
  map: TextMap | null;
  snapSentences: boolean;
  /** A mouse selection cut inside a Latin-script word takes the whole word. */
  wholeWords: boolean;
  onSelectText(range: OffsetRange | null): void;
  /** The offset of the first line on screen, where a keyboard selection starts. */
  offsetAtTop(): number;
  onPlainClick(x: number, y: number): void;
}

export function useReaderSelection(options: ReaderSelectionOptions) {
  const { bodyRef, map, snapSentences, wholeWords, onSelectText, offsetAtTop, onPlainClick } = options;

  /** Reads the document selection; returns its canonical offsets (snapped or widened when asked). */
  const readSelection = useCallback(
    (snap: boolean, words = false): OffsetRange | null => {
      const el = bodyRef.current;
      const selection = window.getSelection();
      if (!el || !map || !selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
      const offsets = offsetsOfRange(map, el, selection.getRangeAt(0));
      if (!offsets || (!snap && !words)) return offsets;
      const snapped = snap ? snapToSentence(map.text, offsets) : extendToWords(map.text, offsets);
      if (snapped.start === offsets.start && snapped.end === offsets.end) return offsets;
      const range = rangeOfOffsets(map, snapped.start, snapped.end);
      if (range) {
        selection.removeAllRanges();
        selection.addRange(range);
      }
      return snapped;
    },
    [bodyRef, map],
  );

  const onMouseUp = (event: MouseEvent) => {
    if (event.button !== 0) return;
    const selected = readSelection(snapSentences || event.altKey, wholeWords);
    if (selected) {
      onSelectText(selected);
      return;
    }
    onSelectText(null);
    onPlainClick(event.clientX, event.clientY);
  };

  // A press inside a selection that is still there would start dragging its text (the browser's
  // drag and drop), so a new drag over the same passage selected nothing new and opened no popover.
  // Every press (but Shift+click, which extends) starts a new selection instead.
  const onMouseDown = (event: MouseEvent) => {
    if (event.button === 0 && !event.shiftKey) window.getSelection()?.removeAllRanges();
  };

  // Keyboard selection: Shift+arrows extend by character/line, with Ctrl by word, with Alt by sentence.
  const onKeyDown = (event: KeyboardEvent) => {
    if (!event.shiftKey || !event.key.startsWith('Arrow')) return;
    const selection = window.getSelection();
    const el = bodyRef.current;
    if (!selection || !el || !map) return;
    if (selection.rangeCount === 0 || !el.contains(selection.anchorNode)) {
      const start = rangeOfOffsets(map, offsetAtTop(), offsetAtTop());
      if (!start) return;
      selection.removeAllRanges();
      selection.addRange(start);
    }
    const forward = event.key === 'ArrowRight' || event.key === 'ArrowDown';
    const vertical = event.key === 'ArrowUp' || event.key === 'ArrowDown';
    const granularity = event.altKey
      ? 'sentence'
      : vertical
        ? 'line'
        : event.ctrlKey || event.metaKey
          ? 'word'
          : 'character';
    selection.modify('extend', forward ? 'forward' : 'backward', granularity);
    event.preventDefault();
  };

  const onKeyUp = (event: KeyboardEvent) => {
    if (event.key === 'Shift' || (event.shiftKey && event.key.startsWith('Arrow'))) {
      const selected = readSelection(snapSentences);
      if (selected) onSelectText(selected);
    }
  };

  return { onMouseDown, onMouseUp, onKeyDown, onKeyUp };
}
