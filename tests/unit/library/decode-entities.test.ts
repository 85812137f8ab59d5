import { describe, expect, it } from 'vitest';
import { cleanHtml } from '../../../core/clean/clean-article.js';
import { decodeEntities } from '../../../core/library/decode-entities.js';
import { quickTextOfHtml } from '../../../core/library/quick-text.js';

describe('decodeEntities', () => {
  it('decodes named and numeric references as the HTML standard does', () => {
    expect(decodeEntities('a &#123;b&#x7D; &amp; &lt;p&gt; &quot;q&quot; &apos;')).toBe('a {b} & <p> "q" \'');
    expect(decodeEntities('&hellip;&mdash;&middot;&times;&eacute;&rarr;&frac12;')).toBe('…—·×é→½');
    expect(decodeEntities('&#0;&#xD800;&#1114112;')).toBe('\ufffd\ufffd\ufffd');
    expect(decodeEntities('&#150;&#128;')).toBe('–€'); // Windows-1252 remapping of C1 references
    expect(decodeEntities('&copy 2024 &nbspx')).toBe('© 2024 \u00a0x'); // legacy names need no ";"
    expect(decodeEntities('&unknown; &hellip &')).toBe('&unknown; &hellip &'); // left as written
    expect(decodeEntities('没有实体')).toBe('没有实体');
  });

  it('makes the scan-time text agree with the cleaned text', () => {
    const body =
      '<p>价格&nbsp;&yen;100&ensp;&mdash;&#8203;见&ldquo;公告&rdquo;&#65281;&copy 新华社 &#150; &notin; &amp;amp;</p>';
    expect(quickTextOfHtml(body)).toBe(cleanHtml(body).doc.text);
  });
});
