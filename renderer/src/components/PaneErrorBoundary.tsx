/**
 * An error boundary around one pane or dialog: a render error in it (say, from a hostile store
 * file) is reported in its place, in the UI language, with a retry button, and the rest of the app
 * keeps working. Without it React unmounts the whole tree and the window goes blank.
 * Each pane's module exports its component already wrapped (`withPaneBoundary`), so every place
 * that shows a pane gets the boundary.
 */
import { Component, type ComponentType, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export type PaneName =
  | 'library'
  | 'reader'
  | 'annotations'
  | 'highlights'
  | 'agreement'
  | 'analysis'
  | 'search'
  | 'codebook'
  | 'export'
  | 'shortcuts'
  | 'coderPrompt'
  | 'folderBrowser';

interface PaneErrorBoundaryProps {
  pane: PaneName;
  children: ReactNode;
  /** The class of the pane it stands in for, so the report takes the pane's place in the layout. */
  className?: string;
  /** When this changes (e.g. another article is opened), the pane is tried again. */
  resetKey?: unknown;
  /** Dialogs: closing the report closes the dialog. */
  onClose?: () => void;
}

interface State {
  error: Error | null;
  resetKey: unknown;
}

export class PaneErrorBoundary extends Component<PaneErrorBoundaryProps, State> {
  override state: State = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: PaneErrorBoundaryProps, state: State): Partial<State> | null {
    if (Object.is(props.resetKey, state.resetKey)) return null;
    return { resetKey: props.resetKey, error: null };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // Kept for whoever opens the developer tools; the user sees the report in the pane.
    console.error(`Gloss: the ${this.props.pane} pane failed`, error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <PaneErrorReport
        pane={this.props.pane}
        className={this.props.className}
        detail={error.message}
        onRetry={() => this.setState({ error: null })}
        onClose={this.props.onClose}
      />
    );
  }
}

function PaneErrorReport(props: {
  pane: PaneName;
  className?: string;
  detail: string;
  onRetry(): void;
  onClose?: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div
      role="alert"
      className={`pane-error${props.className ? ` ${props.className}` : ''}`}
      data-testid="pane-error"
      data-pane={props.pane}
    >
      <p>{t('paneError.message', { pane: t(`paneError.${props.pane}`) })}</p>
      <p className="pane-error-detail muted small">{props.detail}</p>
      <div className="pane-error-actions">
        <button type="button" onClick={props.onRetry} data-testid="pane-retry">
          {t('paneError.retry')}
        </button>
        {props.onClose && (
          <button type="button" onClick={props.onClose}>
            {t('paneError.close')}
          </button>
        )}
      </div>
    </div>
  );
}

/** `Inner` inside its own boundary; the options read the reset key and the close action from its props. */
export function withPaneBoundary<P extends object>(
  Inner: ComponentType<P>,
  options: {
    pane: PaneName;
    className?: string;
    resetKey?: (props: P) => unknown;
    onClose?: (props: P) => (() => void) | undefined;
  },
): ComponentType<P> {
  function Bounded(props: P) {
    return (
      <PaneErrorBoundary
        pane={options.pane}
        className={options.className}
        resetKey={options.resetKey?.(props)}
        onClose={options.onClose?.(props)}
      >
        <Inner {...props} />
      </PaneErrorBoundary>
    );
  }
  Bounded.displayName = `PaneErrorBoundary(${options.pane})`;
  return Bounded;
}
