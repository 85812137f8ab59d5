/**
 * Bytes to text: BOMs first (UTF-8, UTF-16LE/BE), then strict UTF-8, then legacy Chinese
 * encodings (GB18030/GBK, Big5…) guessed with chardet and checked by how Chinese the result reads.
 * Also recognises binary files, which are not decoded at all.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';

export interface DecodedText {
  text: string;
  /** Name of the encoding used (lower case, e.g. 'utf-8', 'utf-16le', 'gb18030', 'big5'). */
  encoding: string;
  /** True when the encoding was a guess among several plausible ones. */
  guessed: boolean;
}

export type DecodeResult = DecodedText | { binary: true };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** NUL bytes or many control bytes in the first 8 KB mean "not a text file" (without a UTF-16 BOM). */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] as number;
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
  }
  return n > 0 && control / n > 0.1;
}

// The most frequent characters of Chinese text, simplified and traditional: a decoding that
// produces many of them is almost certainly the right one.
const COMMON_HANZI = new Set(
  '的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实日军者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政美相见被利什二等产或新己制身果加西斯月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员解水名真论处走义各入几口认条平系气题活尔更别打女变四神总何电数安少报才结反受目太量再感建务做接必场件计管期市直德资命山金指克许统区保至队形社便空决治展马科司五基眼书非则听白却界达光放强即像难且权思王象完设式色路记南品住告类求据程北边死张该交规万取拉格望觉术领共确传师观清今切院让识候带导争运笑飞风步改收根干造言联持组每济车亲极林服快办议往元英士证近失转夫令准布始怎呢存未远叫台单影具罗字爱击流备兵连调深商算质团集百需价花党华城石级整府离况亚请技际约示复病息究线似官火断精满支视消越器容照须九增研写称企八功吗包片史委乎查轻易早曾除农找装广显吧阿李标谈吃图念六引历首医局突专费号尽另周较注语仅考落青随选列武红响虽推势参希古众构房半节土投某案黑维革划敌致陈律足态护七兴派孩验责营星够章音跟志底站严巴例防族供效续施留讲型料终答紧黄绝奇察母京段依批群项故按河米围江' +
    '這個們來為國說時會對發後裡經麼學現當沒動還進樣從實軍與長機關點業將兩間問應戰頭體見產話內給門常兒東聲員處義幾認條氣爾別變總電數報結計場資區隊書則聽卻達強難權設記類據邊張規萬覺術領確傳師觀讓識帶導爭運飛轉辦議證遠單愛擊連調質團價黨華離況亞請際約復線斷滿視須寫稱嗎歷醫專費號盡較語僅隨選紅響雖勢參眾構節劃敵陳態護興驗責營夠嚴續講終緊黃絕項圍',
);

/** How plausible `text` is as Chinese (or plain) text: common characters up, U+FFFD down. */
function plausibility(text: string): number {
  let score = 0;
  for (const ch of text) {
    if (ch === '\ufffd') score -= 20;
    else if (COMMON_HANZI.has(ch)) score += 3;
    else if (/[\u3000-\u303f\uff01-\uff60]/.test(ch))
      score += 1; // CJK and full-width punctuation
    else if (/[\u4e00-\u9fff]/.test(ch)) score += 0.5;
    else if (/[\uff61-\uff9f\u0080-\u009f]/.test(ch)) score -= 2; // half-width kana, C1 controls: mis-decoding
  }
  return score;
}

const LEGACY_FALLBACKS = ['gb18030', 'big5', 'shift_jis', 'euc-kr', 'windows-1252'];

export function decodeBytes(bytes: Uint8Array): DecodeResult {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    return { text: buf.subarray(3).toString('utf8'), encoding: 'utf-8', guessed: false };
  }
  if (buf[0] === 0xff && buf[1] === 0xfe) {
    return { text: iconv.decode(buf.subarray(2), 'utf-16le'), encoding: 'utf-16le', guessed: false };
  }
  if (buf[0] === 0xfe && buf[1] === 0xff) {
    return { text: iconv.decode(buf.subarray(2), 'utf-16be'), encoding: 'utf-16be', guessed: false };
  }
  if (looksBinary(buf)) return { binary: true };
  try {
    return { text: utf8.decode(buf), encoding: 'utf-8', guessed: false };
  } catch {
    // Not UTF-8: a legacy encoding. Candidates: chardet's confident picks, then the usual suspects.
  }
  const sample = buf.length > 65536 ? buf.subarray(0, 65536) : buf;
  const detected = chardet
    .analyse(sample)
    .filter((m) => m.confidence >= 50 && iconv.encodingExists(m.name))
    .map((m) => m.name.toLowerCase());
  const candidates = [...new Set([...detected, ...LEGACY_FALLBACKS])];
  let best = { encoding: 'gb18030', score: -Infinity };
  for (const encoding of candidates) {
    const score = plausibility(iconv.decode(sample, encoding)) + (detected[0] === encoding ? 5 : 0);
    if (score > best.score) best = { encoding, score };
  }
  const guessed = detected[0] !== best.encoding;
  return { text: iconv.decode(buf, best.encoding), encoding: best.encoding, guessed };
}
