/**
 * The disagreement review (issue 18): for two coders and a code (or every code), the places where
 * they differ, article by article, both versions side by side with the difference marked, and the
 * consensus as it stands. Each place is settled by keep A, keep B, keep both, keep neither, or a
 * passage selected in either version (edit); decisions go to the consensus coder's own layer
 * through the host, go on the app's undo stack, and show as decided when the review is reopened
 * (the host derives it from the consensus layer). Keys: j/k or arrows move, 1–5 or a/b/o/n/e decide.
 */
import { CONSENSUS_CODER_ID } from '../../coders/coder-types.js';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { GlossApi, OpInput, OpOutput } from '../../../../core/api/contract.js';
import type { CoderSummary } from '../../coders/coder-types.js';
import type { UndoEntry } from '../../coding/undo-stack.js';
import { keys } from '../../data/query-keys.js';
import { errorText } from '../../error-text.js';
import { selectedSpan, textRuns, type Span } from './review-text.js';

type ReviewReport = OpOutput<'reviewDisagreements'>;
type ConsensusItem = OpInput<'writeConsensus'>['items'][number];
type Place = ReviewReport['places'][number];
type Choice = 'a' | 'b' | 'both' | 'neither' | 'edit';
const CHOICES: readonly Choice[] = ['a', 'b', 'both', 'neither', 'edit'];
const LETTERS: Record<string, Choice> = { a: 'a', b: 'b', o: 'both', n: 'neither', e: 'edit' };

export type ReviewRequest = Omit<OpInput<'reviewDisagreements'>, 'coders' | 'tagIds'>;

interface DisagreementReviewProps {
  api: GlossApi;
  coders: readonly CoderSummary[];
  /** The coders to compare first (the agreement view's first two). */
  initialCoders: readonly [string, string];
  /** The codes of the agreement view's choice (empty: every code), and one of them to start with. */
  tagIds: readonly string[];
  initialTagId: string | null;
  request: ReviewRequest;
  tagPath(id: string): string;
  /** Puts a decision on the app's undo stack; `undo` runs the stack's last entry. */
  record(entry: UndoEntry): void;
  undo(): void;
  onClose(): void;
}

const newId = (): string => crypto.randomUUID();

function itemOf(place: Place, keep: readonly Span[], dismiss: boolean): ConsensusItem {
  return {
    articleId: place.articleId,
    tagId: place.tagId,
    keep: keep.map((s) => ({ id: newId(), start: s.start, end: s.end })),
    ...(dismiss ? { dismiss: { start: place.start, end: place.end } } : {}),
  };
}

/** What the place holds in the consensus now (taken out before a new decision, put back by undo). */
function currentOf(place: Place): ConsensusItem | null {
  if (place.consensus.length === 0 && !place.dismissed) return null;
  return {
    articleId: place.articleId,
    tagId: place.tagId,
    keep: place.consensus.map((c) => ({ id: c.id, start: c.start, end: c.end })),
    ...(place.dismissed ? { dismiss: { start: place.start, end: place.end } } : {}),
  };
}

export function DisagreementReview(props: DisagreementReviewProps) {
  const { api, coders } = props;
  const { t, i18n } = useTranslation();
  const queries = useQueryClient();
  const section = useRef<HTMLElement>(null);
  const [[coderA, coderB], setPair] = useState<readonly [string, string]>(props.initialCoders);
  const [tagId, setTagId] = useState(props.initialTagId ?? '');
  const [currentKey, setCurrentKey] = useState<string | null>(null);
  // A key and its values (so it follows the language), or a host's error text.
  const [message, setMessage] = useState<{ key: string; count?: number } | { text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const request = useMemo(
    (): OpInput<'reviewDisagreements'> => ({
      ...props.request,
      coders: [coderA, coderB],
      ...(tagId ? { tagIds: [tagId] } : props.tagIds.length > 0 ? { tagIds: [...props.tagIds] } : {}),
    }),
    [props.request, props.tagIds, coderA, coderB, tagId],
  );
  const review = useQuery({
    queryKey: [...keys.highlightQueries, 'review', request],
    queryFn: () => api.reviewDisagreements(request),
    enabled: coderA !== coderB,
    retry: false,
  });
  const report = review.data ?? null;
  const places = useMemo(() => report?.places ?? [], [report]);
  // The place chosen, else (first, or when it is gone) the first undecided one.
  const place =
    places.find((p) => p.key === currentKey) ?? places.find((p) => !p.decided) ?? places[0] ?? null;
  const index = place ? places.indexOf(place) : 0;
  const decided = places.filter((p) => p.decided).length;

  useEffect(() => section.current?.focus(), []);

  const refresh = () => queries.invalidateQueries({ queryKey: keys.highlightQueries });
  const nextUndecided = (from: number) =>
    places.slice(from + 1).find((p) => !p.decided) ?? places.find((p, i) => i !== from && !p.decided);

  /** Runs a change and records its undo; the list is asked for again after it. */
  /** Runs a change against the host (one at a time); the list is asked for again after it. */
  const change = async (step: () => Promise<void>) => {
    setBusy(true);
    setMessage(null);
    try {
      await step();
    } catch (err) {
      setMessage({ text: errorText(t, i18n.language, err) });
    } finally {
      setBusy(false);
      await refresh();
    }
  };

  /** Makes a decision and puts it on the undo stack. */
  const apply = (entry: UndoEntry, after?: () => void) =>
    change(async () => {
      await entry.redo();
      props.record(entry);
      after?.();
    });

  const decide = (choice: Choice) => {
    if (!place || busy) return;
    let keep: readonly Span[] = [];
    if (choice === 'a') keep = place.a;
    else if (choice === 'b') keep = place.b;
    else if (choice === 'both') keep = [...place.a, ...place.b];
    else if (choice === 'edit') {
      const span = selectedSpan(section.current, window.getSelection());
      if (!span) {
        setMessage({ key: 'review.selectFirst' });
        return;
      }
      keep = [span];
    }
    // "Keep A" where A has nothing is "keep neither": the place is still remembered as settled.
    const next = itemOf(place, keep, keep.length === 0);
    const before = currentOf(place);
    const write = (item: ConsensusItem | null) => (item ? api.writeConsensus({ items: [item] }) : null);
    const remove = (item: ConsensusItem | null) => (item ? api.removeConsensus({ items: [item] }) : null);
    const at = index;
    void apply(
      {
        label: 'review.undoDecision',
        redo: async () => {
          await remove(before);
          await write(next);
        },
        undo: async () => {
          await remove(next);
          await write(before);
        },
      },
      () => {
        window.getSelection()?.removeAllRanges();
        const following = nextUndecided(at);
        if (following) setCurrentKey(following.key);
      },
    );
  };

  const acceptMatches = () =>
    change(async () => {
      const { items } = await api.acceptMatches(request);
      setMessage({ key: 'review.accepted', count: items.length });
      if (items.length > 0)
        props.record({
          label: 'review.undoAccept',
          undo: async () => void (await api.removeConsensus({ items })),
          redo: async () => void (await api.writeConsensus({ items })),
        });
    });

  const move = (delta: number) => {
    const next = places[Math.min(places.length - 1, Math.max(0, index + delta))];
    if (next) setCurrentKey(next.key);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const target = e.target as HTMLElement;
    if (e.ctrlKey || e.metaKey || e.altKey || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName))
      return;
    if (e.key === 'Escape') {
      e.stopPropagation();
      props.onClose();
      return;
    }
    const choice = LETTERS[e.key.toLowerCase()] ?? CHOICES[Number(e.key) - 1];
    if (['j', 'ArrowDown', 'ArrowRight'].includes(e.key)) move(1);
    else if (['k', 'ArrowUp', 'ArrowLeft'].includes(e.key)) move(-1);
    else if (choice && /^[1-5abone]$/i.test(e.key)) decide(choice);
    else return;
    // The window's own keys (j/k between articles, 1–9 tags) must not act as well.
    e.preventDefault();
  };

  const nameOf = (id: string) =>
    id === CONSENSUS_CODER_ID ? t('review.consensus') : (coders.find((c) => c.id === id)?.name ?? id);
  const articles = new Map(report?.articles.map((a) => [a.id, a]));

  return (
    <section
      ref={section}
      className="review"
      tabIndex={-1}
      aria-labelledby="review-title"
      aria-busy={busy || review.isFetching}
      data-testid="review"
      onKeyDown={onKeyDown}
    >
      <div className="review-header">
        <h3 id="review-title">{t('review.title')}</h3>
        <label>
          {t('review.coderA')}{' '}
          <select
            value={coderA}
            data-testid="review-coder-a"
            onChange={(e) => setPair([e.target.value, coderB])}
          >
            {coders.map((c) => (
              <option key={c.id} value={c.id}>
                {nameOf(c.id)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('review.coderB')}{' '}
          <select
            value={coderB}
            data-testid="review-coder-b"
            onChange={(e) => setPair([coderA, e.target.value])}
          >
            {coders.map((c) => (
              <option key={c.id} value={c.id}>
                {nameOf(c.id)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('review.code')}{' '}
          <select value={tagId} data-testid="review-code" onChange={(e) => setTagId(e.target.value)}>
            <option value="">{t('review.allCodes')}</option>
            {(report?.codes ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.path}
              </option>
            ))}
          </select>
        </label>
        <span className="spacer" />
        <button
          type="button"
          data-testid="review-accept-matches"
          disabled={busy || !report || report.matches.undecided === 0}
          onClick={() => void acceptMatches()}
        >
          {t('review.acceptMatches', { count: report?.matches.undecided ?? 0 })}
        </button>
        <button type="button" data-testid="review-undo" onClick={props.undo}>
          {t('review.undo')}
        </button>
        <button type="button" data-testid="review-close" onClick={props.onClose}>
          {t('review.back')}
        </button>
      </div>
      {coderA === coderB && <p className="muted">{t('review.twoCoders')}</p>}
      {review.error && (
        <p className="error-text" role="alert">
          {errorText(t, i18n.language, review.error)}
        </p>
      )}
      {report && (
        <div className="review-progress" data-testid="review-progress">
          <progress max={Math.max(1, places.length)} value={decided} aria-label={t('review.progressLabel')} />
          <span>{t('review.progress', { decided, count: places.length })}</span>
          <span className="muted">{t('review.keys')}</span>
        </div>
      )}
      {message && (
        <p className="review-message" role="status" data-testid="review-message">
          {'text' in message ? message.text : t(message.key, { count: message.count })}
        </p>
      )}
      {report && places.length === 0 && (
        <p className="muted" data-testid="review-none">
          {t('review.none')}
        </p>
      )}
      {report && place && (
        <div className="review-body">
          <ol className="review-list" aria-label={t('review.listLabel')}>
            {places.map((p, i) => {
              const newArticle = i === 0 || places[i - 1]!.articleId !== p.articleId;
              const article = articles.get(p.articleId);
              return (
                <li key={p.key}>
                  {newArticle && (
                    <div className="review-list-article" title={article?.path}>
                      {article?.title || article?.path}
                    </div>
                  )}
                  <button
                    type="button"
                    className={`review-list-item${p.key === place.key ? ' current' : ''}`}
                    aria-current={p.key === place.key}
                    data-testid="review-item"
                    data-decided={p.decided}
                    onClick={() => setCurrentKey(p.key)}
                  >
                    <span className="review-check" aria-hidden="true">
                      {p.decided ? '✓' : '•'}
                    </span>
                    <span className="review-list-code">{props.tagPath(p.tagId)}</span>
                    <span className="review-list-quote">{excerpt(p)}</span>
                  </button>
                </li>
              );
            })}
          </ol>
          <article className="review-place" data-testid="review-place" data-decided={place.decided}>
            <header>
              <strong>{articles.get(place.articleId)?.title || articles.get(place.articleId)?.path}</strong>
              <span className="muted"> · {props.tagPath(place.tagId)} · </span>
              <span
                className={place.decided ? 'review-status decided' : 'review-status'}
                data-testid="review-status"
              >
                {place.dismissed && place.consensus.length === 0
                  ? t('review.dismissed')
                  : place.decided
                    ? t('review.decided')
                    : t('review.undecided')}
              </span>
              <span className="muted">
                {' '}
                · {t('review.position', { index: index + 1, count: places.length })}
              </span>
            </header>
            <div className="review-actions" role="group" aria-label={t('review.choices')}>
              {CHOICES.map((c, i) => (
                <button
                  key={c}
                  type="button"
                  disabled={busy}
                  data-testid={`review-keep-${c}`}
                  title={t(`review.hint.${c}`)}
                  onClick={() => decide(c)}
                >
                  <kbd>{i + 1}</kbd> {t(`review.keep.${c}`)}
                </button>
              ))}
            </div>
            <div className="review-versions">
              <Version
                label={`A · ${nameOf(coderA)}`}
                place={place}
                own={place.a}
                other={place.b}
                testId="review-a"
              />
              <Version
                label={`B · ${nameOf(coderB)}`}
                place={place}
                own={place.b}
                other={place.a}
                testId="review-b"
              />
            </div>
            <Version
              label={t('review.consensus')}
              place={place}
              own={place.consensus}
              other={[]}
              testId="review-consensus"
            />
            <p className="muted review-edit-hint">{t('review.editHint')}</p>
          </article>
        </div>
      )}
    </section>
  );
}

/** A few words of the place, for the list. */
function excerpt(p: Place): string {
  const chars = Array.from(p.context.text);
  const text = chars.slice(p.start - p.context.start, p.end - p.context.start).join('');
  return text.length > 40 ? `${Array.from(text).slice(0, 40).join('')}…` : text;
}

function Version(props: {
  label: string;
  place: Place;
  own: readonly Span[];
  other: readonly Span[];
  testId: string;
}) {
  const { place } = props;
  const runs = textRuns(place.context.text, place.context.start, props.own, props.other);
  return (
    <figure className="review-version" data-testid={props.testId}>
      <figcaption>{props.label}</figcaption>
      <div className="review-text">
        {place.context.start > 0 && '…'}
        {runs.map((r) =>
          r.kind === 'plain' ? (
            <span key={r.start} data-start={r.start}>
              {r.text}
            </span>
          ) : (
            <mark key={r.start} data-start={r.start} className={`rv-${r.kind}`}>
              {r.text}
            </mark>
          ),
        )}
        …
      </div>
    </figure>
  );
}
