import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBytes, type DecodedText } from '../../../core/library/decode-bytes.js';

const SIMPLIFIED = '中国经济发展的新闻报道今天记者从会议上了解到市场企业增长政策投资我们这个问题工作';
const TRADITIONAL = '這是一個用於測試編碼檢測的句子包含一些常見的漢字們來說會對發後經國學';

const decoded = (bytes: Uint8Array): DecodedText => {
  const r = decodeBytes(bytes);
  if ('binary' in r) throw new Error('unexpected binary');
  return r;
};

describe('decodeBytes', () => {
  it('reads UTF-8 with and without a BOM', () => {
    expect(decoded(Buffer.from('中文 text'))).toMatchObject({ text: '中文 text', encoding: 'utf-8' });
    expect(decoded(Buffer.from('\ufeff中文', 'utf8'))).toMatchObject({ text: '中文', encoding: 'utf-8' });
  });

  it('reads UTF-16LE and UTF-16BE with a BOM', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('标题：中文', 'utf16le')]);
    expect(decoded(le)).toMatchObject({ text: '标题：中文', encoding: 'utf-16le' });
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode('标题：中文', 'utf-16be')]);
    expect(decoded(be)).toMatchObject({ text: '标题：中文', encoding: 'utf-16be' });
  });

  it('detects GBK/GB18030 and Big5 without any marker', () => {
    const gbText =
      '---\ntitle: 测试文章\n---\n<p>　　这是一篇用国标码保存的新闻报道，记者从会议上了解到有关情况。</p>';
    expect(decoded(iconv.encode(gbText, 'gbk'))).toMatchObject({ text: gbText, encoding: 'gb18030' });
    const big5Text = '這是一篇用大五碼保存的新聞報導，記者從會議上了解到有關情況。';
    expect(decoded(iconv.encode(big5Text, 'big5'))).toMatchObject({ text: big5Text, encoding: 'big5' });
  });

  it('recognises binary files', () => {
    expect(decodeBytes(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]))).toEqual({ binary: true });
  });

  it('decodes arbitrary Chinese text encoded as GBK back to itself', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...SIMPLIFIED), { minLength: 4, maxLength: 80 }),
        fc.string({ maxLength: 10 }),
        (chars, ascii) => {
          const text = chars.join('') + ascii.replace(/[^\x20-\x7e]/g, '');
          expect(decoded(iconv.encode(text, 'gbk')).text).toBe(text);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('decodes arbitrary traditional Chinese encoded as Big5 back to itself', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TRADITIONAL), { minLength: 16, maxLength: 80 }), (chars) => {
        const text = chars.join('');
        expect(decoded(iconv.encode(text, 'big5')).text).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 500 }), (b) => void decodeBytes(b)),
      { numRuns: 500 },
    );
  });
});
