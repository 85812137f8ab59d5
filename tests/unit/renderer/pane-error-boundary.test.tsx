// @vitest-environment jsdom
// A pane that fails to render is reported in its place, in the UI language, with a retry; the rest
// of the app stays on screen and usable.
import { act, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PaneErrorBoundary, withPaneBoundary } from '../../../renderer/src/components/PaneErrorBoundary.js';
import { mountPoint } from './mount-point.js';
import { uiI18n } from './ui-i18n.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let failures = 0;
/** Throws while `failures` is above zero, once per render. */
function Fragile({ label }: { label: string }) {
  if (failures > 0) {
    failures--;
    throw new Error('Objects are not valid as a React child');
  }
  return <p data-testid="fragile">{label}</p>;
}

function Sibling() {
  const [clicks, setClicks] = useState(0);
  return (
    <button type="button" data-testid="sibling" onClick={() => setClicks((n) => n + 1)}>
      {clicks}
    </button>
  );
}

describe('PaneErrorBoundary', () => {
  const at = mountPoint();
  beforeEach(() => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  const q = (id: string) => at.container.querySelector(`[data-testid="${id}"]`);

  async function show(language: string, ui: React.ReactNode) {
    const i18n = await uiI18n();
    await i18n.changeLanguage(language);
    act(() => at.root.render(<I18nextProvider i18n={i18n}>{ui}</I18nextProvider>));
  }

  it('reports the failure in the pane’s place, keeps the rest usable, and retries', async () => {
    failures = 2; // React renders a failing component twice before giving up on it
    const onClose = vi.fn();
    await show(
      'en',
      <>
        <PaneErrorBoundary pane="codebook" onClose={onClose}>
          <Fragile label="codebook" />
        </PaneErrorBoundary>
        <Sibling />
      </>,
    );
    const report = q('pane-error')!;
    expect(report.getAttribute('role')).toBe('alert');
    expect(report.textContent).toContain('The codebook ran into a problem');
    expect(report.textContent).toContain('Objects are not valid as a React child');
    act(() => (q('sibling') as HTMLButtonElement).click());
    expect(q('sibling')!.textContent).toBe('1');

    failures = 0;
    act(() => (q('pane-retry') as HTMLButtonElement).click());
    expect(q('pane-error')).toBeNull();
    expect(q('fragile')!.textContent).toBe('codebook');
    expect(onClose).not.toHaveBeenCalled();
  });

  it('speaks the UI language and offers to close a dialog', async () => {
    failures = 2;
    const onClose = vi.fn();
    await show(
      'zh-CN',
      <PaneErrorBoundary pane="codebook" onClose={onClose}>
        <Fragile label="codebook" />
      </PaneErrorBoundary>,
    );
    expect(q('pane-error')!.textContent).toContain('编码表出现问题');
    const close = [...at.container.querySelectorAll('button')].find((b) => b.textContent === '关闭')!;
    act(() => close.click());
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('tries again by itself when its reset key changes (another article opened)', async () => {
    const Reader = withPaneBoundary(Fragile, { pane: 'reader', resetKey: (p) => p.label });
    failures = 2;
    await show('en', <Reader label="article one" />);
    expect(q('pane-error')!.textContent).toContain('The reader ran into a problem');
    failures = 0;
    await show('en', <Reader label="article two" />);
    expect(q('pane-error')).toBeNull();
    expect(q('fragile')!.textContent).toBe('article two');
  });
});
