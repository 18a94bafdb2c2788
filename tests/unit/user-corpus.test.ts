// The reader's own corpus over a fake storage area: kept pages are matched like bundled articles,
// a full storage loses nothing, damaged stored data keeps its valid entries and says so, and an
// import is all or nothing and only ever adds.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  jsonBreak,
  ASIDE_KEY,
  HEAD_KEY,
  LEGACY_KEY,
  SLOT_KEYS,
  STORAGE_KEY,
  UserCorpusStore,
  userDocFromArticle,
  type StorageArea,
  type UserDoc,
} from '../../src/background/user-corpus';
import { findVersions } from '../../src/core/match/find-versions';
import { parseCorpusFile } from '../../src/corpus/parse';
import { readPage } from '../../src/cli/html';
import { extractArticle } from '../../src/extract/article';
import type { Article } from '../../src/core/types';
import { corpusLexicon } from '../fixtures/translation/corpus';

const PAGES = path.resolve(__dirname, '../fixtures/pages');
const CORPUS = path.resolve(__dirname, '../../assets/corpus');

/**
 * storage.local as far as the store uses it; `full` makes every write reject as a full quota does,
 * `crashAt` = N makes the Nth write from now reject and every later one too (the browser died there).
 */
class FakeStorage implements StorageArea {
  data: Record<string, unknown> = {};
  writes = 0;
  full = false;
  crashAt: number | null = null;
  /** The keys written, in order, one entry per set() call. */
  log: string[][] = [];
  async get(keys: string | string[]) {
    const out: Record<string, unknown> = {};
    for (const key of typeof keys === 'string' ? [keys] : keys) if (key in this.data) out[key] = structuredClone(this.data[key]);
    return out;
  }
  async set(items: Record<string, unknown>) {
    if (this.full) throw new Error('QUOTA_BYTES quota exceeded');
    if (this.crashAt !== null && --this.crashAt <= 0) throw new Error('the browser stopped');
    this.writes++;
    this.log.push(Object.keys(items));
    Object.assign(this.data, structuredClone(items));
  }
  async remove(keys: string | string[]) {
    if (this.crashAt !== null && this.crashAt <= 0) throw new Error('the browser stopped');
    for (const key of typeof keys === 'string' ? [keys] : keys) delete this.data[key];
  }
}

/** What a fresh start of the extension reads from this storage. */
const reread = (storage: FakeStorage) => new UserCorpusStore(storage).load();

async function pageArticle(file: string): Promise<Article> {
  return extractArticle((await readPage(path.join(PAGES, file))).doc).article;
}
function corpusBody(prefix: string): Article {
  const file = readdirSync(CORPUS).find((f) => f.startsWith(prefix))!;
  const r = parseCorpusFile(file, readFileSync(path.join(CORPUS, file)));
  if (!r.ok) throw new Error(r.error);
  return r.doc;
}

let unrelated: UserDoc;
let reprint: UserDoc;
beforeAll(async () => {
  unrelated = userDocFromArticle(await pageArticle('unrelated.html'), 'http://127.0.0.1/unrelated.html', new Date('2024-01-02T03:04:05Z'));
  reprint = userDocFromArticle(await pageArticle('reprint-002.html'), 'http://127.0.0.1/reprint-002.html');
});

describe('keeping pages and matching them', () => {
  it('matches a kept page as the same text when it is visited again', async () => {
    const store = new UserCorpusStore(new FakeStorage());
    expect((await store.add(unrelated)).added).toBe(true);
    const corpus = (await store.corpus())!;
    const matches = findVersions(await pageArticle('unrelated.html'), corpus);
    expect(matches.map((m) => [m.id, m.relation])).toEqual([[unrelated.id, 'same']]);
  });

  it('finds a kept reprint as a version of the original article (000) too', async () => {
    const store = new UserCorpusStore(new FakeStorage());
    await store.add(reprint);
    const matches = findVersions(corpusBody('000'), (await store.corpus())!);
    // a kept page is kept whole, with the two articles its site appended (78% of its text), so
    // from 000's side it reads as quoted in a longer text: an excerpt, not the same article
    expect(matches.map((m) => [m.id, m.relation])).toEqual([[reprint.id, 'excerpt']]);
  });

  it('finds a kept English translation from its Chinese original (000 -> 001), with the whole dictionary', async () => {
    const store = new UserCorpusStore(new FakeStorage());
    const kept = userDocFromArticle(corpusBody('001'), 'http://127.0.0.1/translation-001.html');
    await store.add(kept);
    const lexicon = corpusLexicon();
    const matches = findVersions(corpusBody('000'), (await store.corpus(lexicon))!, { lexicon });
    expect(matches.map((m) => [m.id, m.relation])).toEqual([[kept.id, 'translation']]);
  });

  it('keeps the same text once, however often it is added', async () => {
    const storage = new FakeStorage();
    const store = new UserCorpusStore(storage);
    await store.add(unrelated);
    const again = await store.add({ ...unrelated, title: 'another title' });
    expect(again).toEqual({ doc: unrelated, added: false });
    expect((await store.load()).docs).toHaveLength(1);
  });

  it('keeps both of two pages added at the same moment', async () => {
    const storage = new FakeStorage();
    const store = new UserCorpusStore(storage);
    await Promise.all([store.add(unrelated), store.add(reprint)]);
    expect((await reread(storage)).docs.map((d) => d.id).sort()).toEqual([unrelated.id, reprint.id].sort());
  });

  it('refuses a page without text, saying so', () => {
    expect(() => userDocFromArticle({ ...corpusBody('000'), paragraphs: ['  '] }, 'http://x/')).toThrow(/no article text/);
  });

  it('removes an article and matches nothing against an empty corpus', async () => {
    const store = new UserCorpusStore(new FakeStorage());
    await store.add(unrelated);
    expect(await store.remove(unrelated.id)).toBe(true);
    expect(await store.corpus()).toBeNull();
  });
});

describe('a full storage', () => {
  it.each([
    ['adding a page', (s: UserCorpusStore) => s.add(reprint)],
    ['removing a page', (s: UserCorpusStore) => s.remove(unrelated.id)],
    ['importing a file', async (s: UserCorpusStore) => s.import(JSON.stringify({ format: 'reprint-lens-user-corpus', version: 1, docs: [reprint] }))],
  ])('%s: a clear message, and what was kept stays, in memory and in storage', async (_, act) => {
    const storage = new FakeStorage();
    const store = new UserCorpusStore(storage);
    await store.add(unrelated);
    const before = structuredClone(storage.data);
    storage.full = true;
    await expect(act(store)).rejects.toThrow(/not saved.*full.*unchanged/);
    expect(storage.data).toEqual(before);
    expect((await store.load()).docs.map((d) => d.id)).toEqual([unrelated.id]);
    // and once there is room again, the store works from the same state
    storage.full = false;
    await store.add(reprint);
    expect((await store.load()).docs.map((d) => d.id)).toEqual([unrelated.id, reprint.id]);
  });
});

describe('damaged stored data', () => {
  const good = () => structuredClone(unrelated) as unknown as Record<string, unknown>;
  it.each<[string, () => unknown, number, RegExp | null]>([
    ['nothing stored yet', () => undefined, 0, null],
    ['a valid list', () => ({ format: 'reprint-lens-user-corpus', version: 1, docs: [good()] }), 1, null],
    ['the list as JSON text', () => JSON.stringify({ docs: [good()] }), 1, null],
    ['truncated JSON text', () => JSON.stringify({ docs: [good()] }).slice(0, 200), 0, /could not be read/],
    ['not a list at all', () => ({ docs: 'many' }), 0, /not in a form/],
    ['a number', () => 42, 0, /not in a form/],
    ['one entry with bad paragraphs', () => ({ docs: [good(), { ...good(), paragraphs: [1, 2] }] }), 1, /1 of your 2 .*article 2\.paragraphs\[0\]: must be text.*other 1 are kept/],
    ['one entry that is not an object', () => ({ docs: [null, good()] }), 1, /1 of your 2 .*article 1: must be an object/],
    ['an entry without a title', () => ({ docs: [{ ...good(), title: undefined }] }), 0, /article 1\.title: must be text/],
  ])('%s: keeps the valid entries and says what was left out', async (_, stored, kept, notice) => {
    const storage = new FakeStorage();
    if (stored() !== undefined) storage.data[STORAGE_KEY] = stored();
    const store = new UserCorpusStore(storage);
    const loaded = await store.load();
    expect(loaded.docs).toHaveLength(kept);
    if (notice) expect(loaded.notice).toMatch(notice);
    else expect(loaded.notice).toBeNull();
    expect(storage.writes).toBe(0); // reading never writes
  });

  it('writes clean data with the next change, and the notice goes', async () => {
    const storage = new FakeStorage();
    storage.data[STORAGE_KEY] = { docs: [good(), { broken: true }] };
    const store = new UserCorpusStore(storage);
    expect((await store.load()).notice).not.toBeNull();
    await store.add(reprint);
    expect((await reread(storage)).docs).toEqual([unrelated, reprint]);
    expect((await reread(storage)).notice).toBeNull();
    expect((await store.load()).notice).toBeNull();
  });
});

describe('kept data is never destroyed', () => {
  const good = () => structuredClone(unrelated) as unknown as Record<string, unknown>;
  const broken = { ...structuredClone(unrelated), paragraphs: [1, 2], title: 'half-written' };
  const truncated = () => JSON.stringify({ format: 'reprint-lens-user-corpus', version: 1, docs: [good(), good()] }).slice(0, 300);

  it.each<[string, () => unknown, number, () => unknown[]]>([
    ['one damaged entry among good ones', () => ({ docs: [good(), broken] }), 1, () => [broken]],
    ['two damaged entries', () => ({ docs: [null, good(), 'text'] }), 1, () => [null, 'text']],
    ['a list truncated by a crash (JSON text)', truncated, 0, () => [truncated()]],
    ['a store that is not a list', () => 42, 0, () => [42]],
    ['a store without its list', () => ({ format: 'reprint-lens-user-corpus', docs: 'many' }), 0, () => [{ format: 'reprint-lens-user-corpus', docs: 'many' }]],
  ])('%s: set aside as it was before anything is written, and the next add keeps it', async (_, stored, kept, expected) => {
    const aside = expected();
    const storage = new FakeStorage();
    storage.data[LEGACY_KEY] = stored();
    const store = new UserCorpusStore(storage);
    expect((await store.load()).setAside?.map((a) => a.value)).toEqual(aside); // listed at once
    await store.add(reprint);
    // the set-aside data was the first thing written
    expect(storage.log[0]).toEqual([ASIDE_KEY]);
    // and after a restart: the valid articles and the new one are kept, the damaged data is listed, exactly as it was
    const after = await reread(storage);
    expect(after.docs).toHaveLength(kept + 1);
    expect(after.docs.at(-1)).toEqual(reprint);
    expect(after.setAside?.map((a) => a.value)).toEqual(aside);
    // more changes never drop it
    await store.add(unrelated);
    await store.remove(unrelated.id);
    expect((await reread(storage)).setAside?.map((a) => a.value)).toEqual(aside);
    expect(JSON.parse(await new UserCorpusStore(storage).exportSetAside()).entries.map((e: { value: unknown }) => e.value)).toEqual(aside);
  });

  it('deletes set-aside data only when the reader asks, and it does not come back', async () => {
    const storage = new FakeStorage();
    storage.data[LEGACY_KEY] = { docs: [good(), broken, null] };
    const store = new UserCorpusStore(storage);
    const { setAside } = await store.load();
    expect(setAside).toHaveLength(2);
    // asked before any other change: the damaged entries leave the stored list too
    expect(await store.discardSetAside([setAside![0]!.id])).toBe(1);
    let after = await reread(storage);
    expect(after.setAside?.map((a) => a.value)).toEqual([null]);
    expect(after.docs).toEqual([unrelated]);
    expect(await store.discardSetAside(['aside-unknown'])).toBe(0);
    expect(await store.discardSetAside(after.setAside!.map((a) => a.id))).toBe(1);
    after = await reread(storage);
    expect(after.setAside).toEqual([]);
    expect(after.docs).toEqual([unrelated]);
    expect(after.notice).toBeNull();
  });

  it.each<[string, (s: FakeStorage) => void]>([
    ['the single-key list', (s) => (s.data[LEGACY_KEY] = { format: 'reprint-lens-user-corpus', version: 2, docs: [good(), { text: 'a newer kind of entry' }] })],
    ['the head', (s) => {
      s.data[HEAD_KEY] = { format: 'reprint-lens-user-corpus', version: 2, slot: 'a' };
      s.data[SLOT_KEYS.a] = { format: 'reprint-lens-user-corpus', version: 2, docs: [good()] };
    }],
  ])('a store made by a newer version (%s): read what can be read, write nothing, say so', async (_, make) => {
    const storage = new FakeStorage();
    make(storage);
    const before = structuredClone(storage.data);
    const store = new UserCorpusStore(storage);
    const loaded = await store.load();
    expect(loaded.docs).toEqual([unrelated]);
    expect(loaded.newer).toBe(true);
    expect(loaded.notice).toMatch(/made by a newer version of Reprint Lens/);
    expect(loaded.setAside).toEqual([]);
    await expect(store.add(reprint)).rejects.toThrow(/made by a newer version of Reprint Lens/);
    await expect(store.remove(unrelated.id)).rejects.toThrow(/newer version/);
    await expect(store.import(JSON.stringify({ format: 'reprint-lens-user-corpus', version: 1, docs: [reprint] }))).rejects.toThrow(/newer version/);
    expect(storage.writes).toBe(0);
    expect(storage.data).toEqual(before);
  });

  it('reads the single-key list of earlier versions, and moves it with the first change', async () => {
    const storage = new FakeStorage();
    storage.data[LEGACY_KEY] = { format: 'reprint-lens-user-corpus', version: 1, docs: [good()] };
    expect((await reread(storage)).docs).toEqual([unrelated]);
    await new UserCorpusStore(storage).add(reprint);
    expect(Object.keys(storage.data).sort()).toEqual([HEAD_KEY, SLOT_KEYS.a].sort());
    expect((await reread(storage)).docs).toEqual([unrelated, reprint]);
  });

  // a change writes the new list, then switches the head; the browser may stop at any write
  it.each([1, 2])('a crash at write %i of a change leaves the old list readable, and the next change works', async (n) => {
    const storage = new FakeStorage();
    const store = new UserCorpusStore(storage);
    await store.add(unrelated);
    const writes = storage.writes;
    storage.crashAt = n;
    await expect(store.add(reprint)).rejects.toThrow(/not saved/);
    expect(storage.writes - writes).toBe(n - 1);
    expect((await reread(storage)).docs).toEqual([unrelated]); // restarted: the old state, whole
    expect((await store.load()).docs).toEqual([unrelated]); // and in memory
    storage.crashAt = null;
    await new UserCorpusStore(storage).add(reprint);
    expect((await reread(storage)).docs).toEqual([unrelated, reprint]);
  });

  it.each([1, 2, 3])('a crash at write %i of the first change to a damaged store loses nothing', async (n) => {
    const storage = new FakeStorage();
    storage.data[LEGACY_KEY] = { docs: [good(), broken] };
    storage.crashAt = n;
    await expect(new UserCorpusStore(storage).add(reprint)).rejects.toThrow(/not saved/);
    const after = await reread(storage);
    expect(after.docs).toEqual([unrelated]);
    expect(after.setAside?.map((a) => a.value)).toEqual([broken]);
    storage.crashAt = null;
    await new UserCorpusStore(storage).add(reprint);
    const done = await reread(storage);
    expect(done.docs).toEqual([unrelated, reprint]);
    expect(done.setAside?.map((a) => a.value)).toEqual([broken]); // once, not once per attempt
  });

  it('an unreadable current list is set aside and the list before it is read', async () => {
    const storage = new FakeStorage();
    const store = new UserCorpusStore(storage);
    await store.add(unrelated);
    await store.add(reprint);
    const head = (storage.data[HEAD_KEY] as { slot: 'a' | 'b' }).slot;
    storage.data[SLOT_KEYS[head]] = '{"format":"reprint-lens-user-corpus","version":1,"docs":[{"ti';
    const after = await reread(storage);
    expect(after.docs).toEqual([unrelated]);
    expect(after.setAside?.map((a) => a.kind)).toEqual(['store']);
    expect(after.notice).toMatch(/set aside/);
  });

  it('a damaged head: the slot written last is read', async () => {
    const storage = new FakeStorage();
    const store = new UserCorpusStore(storage);
    await store.add(unrelated);
    await store.add(reprint);
    storage.data[HEAD_KEY] = 'garbage';
    expect((await reread(storage)).docs).toEqual([unrelated, reprint]);
  });
});

describe('another context writes', () => {
  it('a read that another context\'s write overtook is read again, not kept stale', async () => {
    const storage = new FakeStorage();
    await new UserCorpusStore(storage).add(unrelated);
    const store = new UserCorpusStore(storage);
    // the worker starts reading; before the browser answers, the options page (or a test) writes
    // and storage.onChanged invalidates the worker's store
    const get = storage.get.bind(storage);
    let overtaken = false;
    storage.get = async (keys) => {
      const before = await get(keys);
      if (!overtaken) {
        overtaken = true;
        storage.data = { [LEGACY_KEY]: { format: 'reprint-lens-user-corpus', version: 1, docs: [reprint] } };
        store.invalidate();
      }
      return before;
    };
    expect((await store.load()).docs).toEqual([reprint]);
  });
});

describe('import', () => {
  const file = (docs: unknown[], extra: Record<string, unknown> = {}) => JSON.stringify({ format: 'reprint-lens-user-corpus', version: 1, docs, ...extra });

  it.each<[string, () => string, RegExp]>([
    ['a file cut off', () => '{"format": "reprint-lens-user-corpus", "docs": [', /ends before its JSON is complete/],
    ['not JSON', () => '{"format": "reprint-lens-user-corpus",\n "docs": hello}', /not JSON: it goes wrong at line 2, column 10 \("hello}"\)/],
    ['an empty file', () => '  ', /the file is empty/],
    ['another program’s JSON', () => JSON.stringify({ articles: [] }), /not a Reprint Lens export/],
    ['a later version', () => file([], { version: 2 }), /version 2/],
    ['no list of articles', () => JSON.stringify({ format: 'reprint-lens-user-corpus', version: 1, docs: {} }), /no "docs" list/],
    ['a bad second article', () => file([unrelated, { ...reprint, paragraphs: 'text' }]), /article 2 \("docs\[1\]"\)\.paragraphs: must be a list/],
    ['an article without text', () => file([{ ...reprint, paragraphs: ['', ' '] }]), /article 1 .*has no text/],
    ['a bad language code', () => file([{ ...reprint, lang: '<script>' }]), /article 1 .*lang: is not a language code/],
    ['an over-long title', () => file([{ ...reprint, title: 'x'.repeat(5000) }]), /article 1 .*title: is longer than/],
  ])('%s: rejected with where, and nothing changes', async (_, text, message) => {
    const storage = new FakeStorage();
    const store = new UserCorpusStore(storage);
    await store.add(unrelated);
    const before = structuredClone(storage.data);
    const writes = storage.writes;
    await expect(store.import(text())).rejects.toThrow(message);
    expect(storage.data).toEqual(before);
    expect(storage.writes).toBe(writes);
    expect((await store.load()).docs).toEqual([unrelated]);
  });

  it('adds what is new, keeps what was there (never replaced), and counts the rest as skipped', async () => {
    const store = new UserCorpusStore(new FakeStorage());
    await store.add(unrelated);
    const result = await store.import(file([{ ...unrelated, title: 'renamed in the file' }, reprint, reprint]));
    expect(result).toEqual({ added: 1, skipped: 2 });
    const docs = (await store.load()).docs;
    expect(docs.map((d) => d.title)).toEqual([unrelated.title, reprint.title]);
  });

  it('reads back what export wrote, ids recomputed from the text', async () => {
    const a = new UserCorpusStore(new FakeStorage());
    await a.add(unrelated);
    await a.add(reprint);
    const exported = await a.export();
    const tampered = exported.replace(unrelated.id, 'user-0000000000000000');
    const b = new UserCorpusStore(new FakeStorage());
    expect(await b.import(tampered)).toEqual({ added: 2, skipped: 0 });
    expect((await b.load()).docs).toEqual([unrelated, reprint]);
  });
});

describe('where a file stops being JSON', () => {
  it.each<[string, string, number]>([
    ['a bare word', '{"docs": hello}', 9],
    ['a missing comma', '{"a": 1 "b": 2}', 8],
    ['a trailing comma', '[1, 2, ]', 7],
    ['a bad escape', '"a\\qb"', 3],
    ['text after the value', '{"a": 1} x', 9],
    ['a single quote', "{'a': 1}", 1],
    ['a cut string', '{"a": "abc', 10],
    ['a cut literal', '[tru', 4],
  ])('%s', (_, text, at) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(jsonBreak(text)).toBe(at);
  });

  it('finds nothing wrong in valid JSON, any the parser accepts', () => {
    for (const text of ['{}', '[]', ' {"a": [1, -2.5e3, true, false, null, "x\\u00e9\\n"], "b": {}} ', '"s"', '0']) {
      expect(() => JSON.parse(text)).not.toThrow();
      expect(jsonBreak(text)).toBe(-1);
    }
  });
});
