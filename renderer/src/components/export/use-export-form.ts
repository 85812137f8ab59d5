/**
 * The export tab's choices (format, scope with the dialog's own filter, coders, CSV options) and
 * its last result. Held by the dialog,
 * not the tab, so they survive a visit to the import tab. Settings are saved on every change and
 * a change clears the last result (it described another export).
 */
import { useMemo, useState } from 'react';
import { datesReversed, NO_CHOSEN_FILTER, type ChosenFilter } from '../../export/chosen-filter.js';
import {
  isFilterActive,
  loadSettings,
  MAX_SCOPE_ARTICLES,
  saveSettings,
  type CurrentFilter,
  type ExportFormat,
  type ExportScope,
  type ExportSettings,
} from '../../export/export-settings.js';
import { effectiveScopeKind, initialScopeKind, scopeOf, type ScopeKind } from '../../export/scope-choice.js';

export type ExportOutcome =
  | { kind: 'saved'; path: string; rows: number; format: ExportFormat }
  | { kind: 'downloaded'; fileName: string }
  | { kind: 'cancelled' }
  | null;

/** The coders the dialog starts at: those of `initial` the library has; null (everyone) if that is all. */
function startingCoders(initial: readonly string[] | null, all: readonly string[]): string[] | null {
  if (!initial) return null;
  const known = all.filter((id) => initial.includes(id));
  return known.length === all.length ? null : known;
}

export function useExportForm(
  article: { id: string } | null,
  filter: CurrentFilter | null,
  coderIds: readonly string[],
  initialCoders: readonly string[] | null,
  knownTag: (id: string) => boolean,
) {
  const [settings, setSettings] = useState<ExportSettings>(loadSettings);
  const [coders, setCoders] = useState(() => startingCoders(initialCoders, coderIds));
  const [scopeKind, setScopeKind] = useState<ScopeKind>(() => initialScopeKind(filter));
  const [outcome, setOutcome] = useState<ExportOutcome>(null);
  const [chosen, setChosen] = useState<ChosenFilter>(NO_CHOSEN_FILTER);
  const effectiveScope = effectiveScopeKind(scopeKind, article, filter);

  const update = (patch: Partial<ExportSettings>) => {
    setSettings((s) => {
      const next = { ...s, ...patch };
      saveSettings(next);
      return next;
    });
    setOutcome(null);
  };

  const scope = useMemo<ExportScope>(
    () => scopeOf(effectiveScope, article, filter, { filter: chosen, knownTag }),
    [effectiveScope, article, filter, chosen, knownTag],
  );
  const tooManyIds = scope.kind === 'filter' && (scope.articleIds?.length ?? 0) > MAX_SCOPE_ARTICLES;
  const choose = (next: ChosenFilter) => {
    setChosen(next);
    setOutcome(null);
  };
  const chooseCoders = (next: string[] | null) => {
    setCoders(next);
    setOutcome(null);
  };

  return {
    settings,
    update,
    filterActive: isFilterActive(filter),
    effectiveScope,
    setScopeKind,
    scope,
    tooManyIds,
    /** The dialog's own filter (codes, folder, dates), for the 'chosen' scope. */
    chosen,
    choose,
    /** The chosen dates exclude each other: nothing can match. */
    reversedDates: effectiveScope === 'chosen' && datesReversed(chosen),
    coders,
    chooseCoders,
    /** No coder is ticked: nothing to export. */
    noCoders: coders !== null && coders.length === 0,
    outcome,
    setOutcome,
  };
}

export type ExportForm = ReturnType<typeof useExportForm>;
