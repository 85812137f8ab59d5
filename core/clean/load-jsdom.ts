/**
 * jsdom, loaded on first use. Why: loading it takes about 1.5 s, and most `gloss` commands
 * (`index`, `export`, `--help`) and the app's first screen clean no article; with a static import
 * every one of them paid it.
 */
import { createRequire } from 'node:module';
import type * as Jsdom from 'jsdom';

let jsdom: typeof Jsdom | null = null;

export function loadJsdom(): typeof Jsdom {
  jsdom ??= createRequire(import.meta.url)('jsdom') as typeof Jsdom;
  return jsdom;
}
