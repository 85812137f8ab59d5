/** A coder's name with their colour dot: on others' highlights, memos, rows and in the toolbar. */
import { useCoderStyle } from '../../coders/use-coder-color.js';

interface CoderBadgeProps {
  coderId: string;
  name: string;
  /** A tooltip, e.g. "Highlight by Bob (read-only)". */
  title?: string;
}

export function CoderBadge({ coderId, name, title }: CoderBadgeProps) {
  return (
    <span className="coder-badge" data-testid="coder-badge" title={title}>
      <CoderDot coderId={coderId} />
      <span className="coder-name">{name}</span>
    </span>
  );
}

export function CoderDot({ coderId }: { coderId: string }) {
  const styleOf = useCoderStyle();
  return <span className="coder-dot" style={styleOf(coderId)} aria-hidden="true" />;
}
