/**
 * The library list's category filter: a button naming the chosen category (`金融 › 新浪财经`) that
 * opens the category tree. Choosing a category lists it and every category under it. The tree is a
 * WAI-ARIA tree with a find box on top: ↑↓ move, → opens (or goes to the first sub-category),
 * ← closes (or goes to the parent), Home/End, Enter or Space choose, typing finds; Escape closes.
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { categoryLabel, type CategoryRow } from '../../../../core/query/category-tree.js';
import { PopupPanel, usePopupClose } from '../PopupPanel.js';
import { initiallyExpanded, nameMatches, pathKey, shownRows } from './category-rows.js';
import './category-filter.css';

interface CategoryFilterProps {
  rows: readonly CategoryRow[];
  /** The chosen path; undefined: every category. */
  value: readonly string[] | undefined;
  onChange(path: readonly string[] | undefined): void;
  /** Articles in the library, shown beside "All categories". */
  total: number;
}

export function CategoryFilter({ rows, value, onChange, total }: CategoryFilterProps) {
  const { t } = useTranslation();
  const name = value?.length ? categoryLabel(value) : t('libraryFilters.allCategories');
  return (
    <PopupPanel
      label={<span className="category-choice">{name}</span>}
      title={t('libraryFilters.categoryButton', { name })}
      testId="library-category-filter"
      className={`category-filter${value?.length ? ' chosen' : ''}`}
    >
      <CategoryTree rows={rows} value={value} onChange={onChange} total={total} />
    </PopupPanel>
  );
}

/** "All categories", then the rows shown; its key is the empty path's. */
const ALL = pathKey([]);

function CategoryTree({ rows, value, onChange, total }: CategoryFilterProps) {
  const { t } = useTranslation();
  const close = usePopupClose();
  const [text, setText] = useState('');
  const [expanded, setExpanded] = useState(() => initiallyExpanded(rows, value));
  const chosenKey = pathKey(value ?? []);
  const [active, setActive] = useState(chosenKey);
  const tree = useRef<HTMLUListElement>(null);
  const find = useRef<HTMLInputElement>(null);

  // The chosen category in view when the tree opens (the focus stays in the find box).
  useEffect(() => {
    tree.current?.querySelector('[aria-selected="true"]')?.scrollIntoView?.({ block: 'nearest' });
  }, []);

  const shown = useMemo(() => shownRows(rows, expanded, text), [rows, expanded, text]);
  const keys = useMemo(() => [ALL, ...shown.map((r) => pathKey(r.path))], [shown]);
  // While finding, the first category whose own name matches (not the branch shown above it).
  const firstMatch = text ? shown.find((row) => nameMatches(row, text)) : undefined;
  // The active row may have been hidden by typing: the first match then takes its part.
  const current = keys.includes(active) ? active : firstMatch ? pathKey(firstMatch.path) : ALL;

  const focusRow = (key: string) => {
    setActive(key);
    tree.current?.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`)?.focus();
  };
  const choose = (path: readonly string[]) => {
    onChange(path.length ? path : undefined);
    close();
  };
  const setOpen = (key: string, open: boolean) =>
    setExpanded((was) => {
      const next = new Set(was);
      if (open) next.add(key);
      else next.delete(key);
      return next;
    });

  const onTreeKey = (event: KeyboardEvent) => {
    const at = keys.indexOf(current);
    const row = shown[at - 1];
    const open = row && (text !== '' || expanded.has(current));
    const move = (to: number) => focusRow(keys[Math.max(0, Math.min(keys.length - 1, to))]!);
    switch (event.key) {
      case 'ArrowDown':
        move(at + 1);
        break;
      case 'ArrowUp':
        if (at === 0) find.current?.focus();
        else move(at - 1);
        break;
      case 'Home':
        move(0);
        break;
      case 'End':
        move(keys.length - 1);
        break;
      case 'ArrowRight':
        if (!row?.hasChildren) return;
        if (open) move(at + 1);
        else setOpen(current, true);
        break;
      case 'ArrowLeft':
        if (row?.hasChildren && open && text === '') setOpen(current, false);
        else if (row && row.depth > 0) focusRow(pathKey(row.path.slice(0, -1)));
        else if (row) move(0);
        break;
      case 'Enter':
      case ' ':
        choose(row?.path ?? []);
        break;
      default:
        // Typing a name goes to the find box, which takes the key press.
        if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey)
          find.current?.focus();
        return;
    }
    event.preventDefault();
  };

  const item = (key: string, label: string, count: number, row?: CategoryRow) => {
    const open = row?.hasChildren ? text !== '' || expanded.has(key) : undefined;
    return (
      <li
        key={key}
        role="treeitem"
        data-key={key}
        data-testid="category-option"
        aria-level={(row?.depth ?? 0) + 1}
        aria-expanded={open}
        aria-selected={key === chosenKey}
        tabIndex={key === current ? 0 : -1}
        className={`category-row${key === chosenKey ? ' chosen' : ''}`}
        style={{ paddingInlineStart: `${0.4 + (row?.depth ?? 0) * 1.1}rem` }}
        title={row ? categoryLabel(row.path) : undefined}
        onFocus={() => setActive(key)}
        onClick={() => choose(row?.path ?? [])}
      >
        <span
          className={`category-twisty${open === undefined ? ' leaf' : ''}`}
          aria-hidden="true"
          title={
            open === undefined ? undefined : t(open ? 'libraryFilters.collapse' : 'libraryFilters.expand')
          }
          onClick={(event) => {
            if (open === undefined || text !== '') return;
            event.stopPropagation();
            setOpen(key, !open);
          }}
        >
          {open === undefined ? '' : open ? '▾' : '▸'}
        </span>
        <span className="category-name">{label}</span>
        <span className="category-count" title={t('libraryFilters.articles', { count })}>
          {count}
        </span>
      </li>
    );
  };

  return (
    <div className="category-tree-panel">
      <input
        ref={find}
        type="search"
        className="category-find"
        placeholder={t('libraryFilters.findCategory')}
        aria-label={t('libraryFilters.findCategory')}
        data-testid="category-find"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            focusRow(firstMatch ? pathKey(firstMatch.path) : ALL);
          } else if (event.key === 'Enter' && firstMatch) {
            event.preventDefault();
            choose(firstMatch.path);
          }
        }}
      />
      <ul
        ref={tree}
        role="tree"
        aria-label={t('libraryFilters.categoryTree')}
        className="category-tree"
        data-testid="category-tree"
        onKeyDown={onTreeKey}
      >
        {item(ALL, t('libraryFilters.allCategories'), total)}
        {shown.map((row) => item(pathKey(row.path), row.path.at(-1)!, row.count, row))}
      </ul>
      {rows.length === 0 && <p className="muted category-empty">{t('libraryFilters.noCategories')}</p>}
      {rows.length > 0 && text && shown.length === 0 && (
        <p className="muted category-empty">{t('libraryFilters.noCategory', { text })}</p>
      )}
      <p className="muted category-help">{t('libraryFilters.treeHelp')}</p>
    </div>
  );
}
