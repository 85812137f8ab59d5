import { beforeAll, describe, expect, it } from 'vitest';
import { uiI18n } from './ui-i18n.js';
import { ApiError } from '../../../core/errors.js';
import { unwrap } from '../../../core/api/reply.js';
import { errorText } from '../../../renderer/src/error-text.js';
import { UiError } from '../../../renderer/src/ui-error.js';

let i18n: Awaited<ReturnType<typeof uiI18n>>;
beforeAll(async () => {
  i18n = await uiI18n();
});

// What the client throws for a refused call (core/api/client.ts): the host's ApiError, from its reply.
const fromHost = (err: ApiError): unknown => {
  try {
    return unwrap({ ok: false, error: { code: err.code, message: err.message } });
  } catch (thrown) {
    return thrown;
  }
};

describe('the error banner text', () => {
  const notFound = fromHost(new ApiError('not-found', 'No article with id p-123'));

  it('is core’s English message in the English UI', () => {
    expect(errorText(i18n.getFixedT('en'), 'en', notFound)).toBe('No article with id p-123');
  });

  it('leads with a Chinese sentence for the code in the Chinese UI, keeping the details', () => {
    expect(errorText(i18n.getFixedT('zh-CN'), 'zh-CN', notFound)).toBe(
      '找不到所需的内容（No article with id p-123）',
    );
    const full = fromHost(new ApiError('io', 'The disk is full, so this was not saved'));
    expect(errorText(i18n.getFixedT('zh-CN'), 'zh-CN', full)).toMatch(/^读写文件时出错（The disk is full/);
  });

  it('says in Chinese that another coder’s highlight is read-only, keeping whose it is', () => {
    const theirs = fromHost(
      new ApiError('read-only', "This highlight is Bob's: only they can change or delete it."),
    );
    expect(errorText(i18n.getFixedT('zh-CN'), 'zh-CN', theirs)).toMatch(/^无法在此修改.*其他编码员.*Bob's/);
  });

  it('shows errors without a known code as they are', () => {
    expect(errorText(i18n.getFixedT('zh-CN'), 'zh-CN', new TypeError('x is not a function'))).toBe(
      'x is not a function',
    );
  });

  it('words the UI’s own errors in the UI language, keeping the browser’s detail', () => {
    expect(errorText(i18n.getFixedT('zh-CN'), 'zh-CN', new UiError('noPng'))).toBe('未能生成 PNG 图片。');
    expect(errorText(i18n.getFixedT('en'), 'en', new UiError('noPng'))).toBe('No PNG was made.');
    expect(
      errorText(i18n.getFixedT('zh-CN'), 'zh-CN', new UiError('fileUnreadable', 'NotReadableError')),
    ).toBe('无法读取该文件。（NotReadableError）');
  });

  it('says that Gloss cannot be reached when a request never got to it, in either language', () => {
    const failed = new TypeError('Failed to fetch');
    expect(errorText(i18n.getFixedT('zh-CN'), 'zh-CN', failed)).toBe(
      '无法连接到 Gloss：`gloss serve` 是否仍在运行？（Failed to fetch）',
    );
    expect(errorText(i18n.getFixedT('en'), 'en', failed)).toBe(
      'Gloss cannot be reached: is `gloss serve` still running? (Failed to fetch)',
    );
  });
});
