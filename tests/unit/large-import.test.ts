// Large imports: a file over the limit is refused before it is read, with a message in the reader's
// language that names its size and the limit (not the browser's "Error in invocation of
// runtime.sendMessage"); a file under it reaches the background in parts, each far under Chrome's
// 64 MiB message cap, and is imported whole.
import { describe, expect, it } from 'vitest';
import { IMPORT_LIMIT, type ImportPart, type ImportReply } from '../../src/messages';
import { sendImportFile, type Translate } from '../../src/ui/import';
import { ImportParts } from '../../src/background/import-parts';
import { IDBFactory } from 'fake-indexeddb';
import { UserCorpusStore } from '../../src/background/user-corpus';
import { IdbUserRecords } from '../../src/corpus/user-records';
import { validateArgs, InvalidMessage } from '../../src/background/validate';
import STRINGS from '../../src/ui/strings.json';

const CHROME_MESSAGE_CAP = 64 * 1024 * 1024;

const translate = (lang: 0 | 1): Translate => (key, ...values) => STRINGS[key][lang]!.replace(/\$(\d)/g, (_, d: string) => String(values[Number(d) - 1]));

/** The background's side: every part is checked as a message (validate.ts), put together, and the file imported. */
function background() {
  const store = new UserCorpusStore(new IdbUserRecords(new IDBFactory()));
  const parts = new ImportParts();
  const sent: ImportPart[] = [];
  const post = async (part: ImportPart): Promise<ImportReply> => {
    sent.push(part);
    const [checked] = validateArgs('importUserCorpus', [structuredClone(part)]);
    const text = parts.put(checked);
    return text === null ? { done: false, received: parts.received(part.upload) } : { done: true, ...(await store.import(text)) };
  };
  return { store, post, sent };
}

const doc = {
  title: '数字政府建设 🏛️ 新进展',
  byline: null,
  siteName: null,
  published: '2024-05-01',
  url: 'https://example.com/a',
  pageUrl: 'https://example.com/a',
  lang: 'zh',
  paragraphs: ['南京作为长三角特大城市，𠀀推进数字政府建设。', 'Second paragraph with an emoji 😀 and more text.'],
  sourceLines: [],
  added: '2024-05-02T00:00:00.000Z',
};

/** A valid export file of `bytes` bytes: the article, then spaces (JSON allows them). */
function exportFile(bytes: number): File {
  const head = JSON.stringify({ format: 'reprint-lens-user-corpus', version: 1, docs: [doc] });
  const body = head.slice(0, -1) + ' '.repeat(bytes - Buffer.byteLength(head)) + '}';
  return new File([body], 'my-corpus.json', { type: 'application/json' });
}

describe('an import file over the limit', () => {
  // a 200 MB file: sized by a stand-in that fails if anything reads it
  const huge = { name: 'big.json', size: 200_000_000, slice: () => { throw new Error('the file was read'); } } as unknown as File;
  it.each<[string, 0 | 1, RegExp]>([
    ['English', 0, /^The file is 200 MB; at most 160 MB can be imported\.$/],
    ['Chinese', 1, /^文件大小为 200 MB；最多只能导入 160 MB。$/],
  ])('is refused before it is read, naming its size and the limit (%s)', async (_, lang, message) => {
    const { post, sent } = background();
    await expect(sendImportFile(huge, post, translate(lang))).rejects.toThrow(message);
    expect(sent).toHaveLength(0);
  });

  it('one byte over the limit is refused; the limit itself is not', async () => {
    const { post } = background();
    await expect(sendImportFile({ ...huge, size: IMPORT_LIMIT.bytes + 1 } as unknown as File, post, translate(0))).rejects.toThrow(/at most 160 MB/);
    await expect(sendImportFile({ ...huge, size: IMPORT_LIMIT.bytes } as unknown as File, post, translate(0))).rejects.toThrow(/the file was read/);
  });
});

describe('an import file under the limit', () => {
  it('reaches the background in parts, each far under the browser message cap, and is imported whole', async () => {
    const { store, post, sent } = background();
    const file = exportFile(9_500_000);
    expect(await sendImportFile(file, post, translate(0))).toEqual({ added: 1, skipped: 0 });
    expect(sent.length).toBe(3);
    for (const part of sent) {
      expect(part.text.length).toBeLessThanOrEqual(IMPORT_LIMIT.partChars);
      expect(Buffer.byteLength(JSON.stringify({ rl: 1, name: 'importUserCorpus', args: [part] }))).toBeLessThan(CHROME_MESSAGE_CAP / 8);
    }
    expect(sent.map((p) => p.text).join('')).toBe(await file.text());
    const { docs } = await store.load();
    expect(docs.map((d) => [d.title, d.paragraphs])).toEqual([[doc.title, doc.paragraphs]]);
  });

  it.each([1, 2, 3, 5, 7])('never cuts a character in two (slices of %i bytes)', async (partBytes) => {
    const file = exportFile(1_000);
    const texts: string[] = [];
    const post = async (part: ImportPart): Promise<ImportReply> => {
      texts.push(part.text);
      expect(part.text).not.toMatch(/[\uD800-\uDBFF]$|^[\uDC00-\uDFFF]|\uFFFD/); // no lone surrogate, no replacement character
      return part.index === part.count - 1 ? { done: true, added: 0, skipped: 0 } : { done: false, received: part.index + 1 };
    };
    await sendImportFile(file, post, translate(0), partBytes);
    expect(texts.join('')).toBe(await file.text());
  });

  it('a part the background cannot place is refused with a reason, and nothing is imported', () => {
    const parts = new ImportParts();
    expect(() => parts.put({ upload: 'u1', index: 1, count: 2, text: '{}' })).toThrow(/interrupted.*nothing was imported/);
    expect(() => validateArgs('importUserCorpus', [{ upload: 'u1', index: 0, count: 1, text: 'x'.repeat(IMPORT_LIMIT.partChars + 1) }])).toThrow(InvalidMessage);
    expect(() => validateArgs('importUserCorpus', [{ upload: 'u1', index: 0, count: 100, text: '' }])).toThrow(/count must be 1 to 39/);
    expect(() => validateArgs('importUserCorpus', [{ upload: 'u1', index: 2, count: 2, text: '' }])).toThrow(/index/);
  });
});
