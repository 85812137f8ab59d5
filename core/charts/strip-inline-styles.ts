/**
 * Gloss's CSP allows styles from its own stylesheet only (`style-src 'self'`). Plot adds a
 * `<style>` element to every chart (and a `style` attribute for a few options): both are removed
 * here before a chart reaches a page, and the rules they carried are in the app's stylesheet
 * (`.gloss-chart` in renderer/src/styles/charts.css).
 */
export function stripInlineStyles(root: Element): void {
  for (const style of [...root.querySelectorAll('style')]) style.remove();
  if (root.hasAttribute('style')) root.removeAttribute('style');
  for (const el of [...root.querySelectorAll('[style]')]) el.removeAttribute('style');
}
