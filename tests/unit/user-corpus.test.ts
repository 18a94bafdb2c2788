// The reader's own corpus over its real store (IndexedDB records, fake-indexeddb here): kept pages
// are matched like bundled articles, a failed write loses nothing, damaged records keep the valid
// ones and say so, what earlier versions kept in storage.local is moved once and never lost, and
// an import is all or nothing and only ever adds.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { IDBFactory } from 'fake-indexeddb';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  jsonBreak,
  ASIDE_KEY,
  CHUNK,
  HEAD_KEY,
  LEGACY_KEY,
  SLOT_KEYS,
  UserCorpusStore,
  userDocFromArticle,
  userDocId,
  type StorageArea,
  type UserDoc,
} from '../../src/background/user-corpus';
import { IdbUserRecords, type CompiledChunk, type UserChange, type UserRecords } from '../../src/corpus/user-records';
import { findVersions } from '../../src/core/match/find-versions';
import { parseCorpusFile } from '../../src/corpus/parse';
import { readPage } from '../../src/cli/html';
import { extractArticle } from '../../src/extract/article';
import type { Article } from '../../src/core/types';
import { corpusLexicon } from '../fixtures/translation/corpus';

const PAGES = path.resolve(__dirname, '../fixtures/pages');
const CORPUS = path.resolve(__dirname, '../../assets/corpus');

/** storage.local as earlier versions used it; `failRemove` makes removing keys reject. */
class FakeLocal implements StorageArea {
  data: Record<string, unknown> = {};
  writes = 0;
  failRemove = false;
  async get(keys: string | string[]) {
    const out: Record<string, unknown> = {};
    for (const key of typeof keys === 'string' ? [keys] : keys) if (key in this.data) out[key] = structuredClone(this.data[key]);
    return out;
  }
  async set(items: Record<string, unknown>) {
    this.writes++;
    Object.assign(this.data, structuredClone(items));
  }
  async remove(keys: string | string[]) {
    if (this.failRemove) throw new Error('the browser stopped');
    for (const key of typeof keys === 'string' ? [keys] : keys) delete this.data[key];
  }
}

/** The records in a fresh database, with a switch that makes every commit fail (a full disk) and a count of commits. */
class Records implements UserRecords {
  readonly idb = new IDBFactory();
  readonly real = new IdbUserRecords(this.idb);
  full = false;
  commits = 0;
  read() {
    return this.real.read();
  }
  async commit(c: UserChange) {
    if (this.full) throw new Error('QuotaExceededError: the quota has been exceeded');
    await this.real.commit(c);
    this.commits++;
  }
  /** Compiled parts written, one entry per part. */
  chunkPuts: string[] = [];
  chunks(keys: readonly string[]) {
    return this.real.chunks(keys);
  }
  async keepChunks(put: readonly CompiledChunk[], keep: readonly string[]) {
    if (this.full) throw new Error('QuotaExceededError: the quota has been exceeded');
    await this.real.keepChunks(put, keep);
    this.chunkPuts.push(...put.map((c) => c.key));
  }
}

/** One profile: its records and its storage.local; `store()` is the extension starting on it. */
class Profile {
  records = new Records();
  local = new FakeLocal();
  store(build?: string) {
    return new UserCorpusStore(this.records, this.local, undefined, build);
  }
  /** What a fresh start of the extension reads. */
  reread() {
    return this.store().load();
  }
  /** Records written as they are, as a damaged or older store would hold them (the marker says the store exists). */
  async plant(docs: Array<{ key: string; value: unknown }>, marker: unknown = { format: 'reprint-lens-user-corpus-store', version: 1 }) {
    await this.records.real.commit({ put: docs, marker });
  }
}

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
    const store = new Profile().store();
    expect((await store.add(unrelated)).added).toBe(true);
    const [corpus] = await store.corpora();
    const matches = findVersions(await pageArticle('unrelated.html'), corpus!);
    expect(matches.map((m) => [m.id, m.relation])).toEqual([[unrelated.id, 'same']]);
  });

  it('finds a kept reprint as a version of the original article (000) too', async () => {
    const store = new Profile().store();
    await store.add(reprint);
    const matches = findVersions(corpusBody('000'), (await store.corpora())[0]!);
    // a kept page is kept whole, with the two articles its site appended (78% of its text), so
    // from 000's side it reads as quoted in a longer text: an excerpt, not the same article
    expect(matches.map((m) => [m.id, m.relation])).toEqual([[reprint.id, 'excerpt']]);
  });

  it('finds a kept English translation from its Chinese original (000 -> 001), with the whole dictionary', async () => {
    const store = new Profile().store();
    const kept = userDocFromArticle(corpusBody('001'), 'http://127.0.0.1/translation-001.html');
    await store.add(kept);
    const lexicon = corpusLexicon();
    const matches = findVersions(corpusBody('000'), (await store.corpora(lexicon))[0]!, { lexicon });
    expect(matches.map((m) => [m.id, m.relation])).toEqual([[kept.id, 'translation']]);
  });

  it('keeps the same text once, however often it is added, and writes nothing the second time', async () => {
    const p = new Profile();
    const store = p.store();
    await store.add(unrelated);
    const commits = p.records.commits;
    const again = await store.add({ ...unrelated, title: 'another title' });
    expect(again).toEqual({ doc: unrelated, added: false });
    expect(p.records.commits).toBe(commits);
    expect((await p.reread()).docs).toHaveLength(1);
  });

  it('keeps both of two pages added at the same moment', async () => {
    const p = new Profile();
    const store = p.store();
    await Promise.all([store.add(unrelated), store.add(reprint)]);
    expect((await p.reread()).docs.map((d) => d.id).sort()).toEqual([unrelated.id, reprint.id].sort());
  });

  it('refuses a page without text, saying so', () => {
    expect(() => userDocFromArticle({ ...corpusBody('000'), paragraphs: ['  '] }, 'http://x/')).toThrow(/no article text/);
  });

  it('removes an article, after a restart too, and matches nothing against an empty corpus', async () => {
    const p = new Profile();
    const store = p.store();
    await store.add(unrelated);
    await store.add(reprint);
    expect(await store.remove(unrelated.id)).toBe(true);
    expect((await p.reread()).docs).toEqual([reprint]);
    expect(await store.remove(reprint.id)).toBe(true);
    expect(await store.corpora()).toEqual([]);
    expect((await p.reread()).docs).toEqual([]);
  });
});

describe('past a thousand articles', () => {
  // distinct articles: each its own text (a seeded run of common characters, so no two share a
  // phrase, as a template would make them), so each its own id
  const HAN = '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质';
  const many = (n: number, from = 0): UserDoc[] =>
    Array.from({ length: n }, (_, k) => {
      const i = from + k;
      let seed = (i + 1) * 2654435761;
      const run = (len: number) =>
        Array.from({ length: len }, () => {
          seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
          return HAN[seed % HAN.length];
        }).join('');
      const paragraphs = [`${run(80)}。`, `${run(80)}。`];
      return { id: userDocId(paragraphs), title: `第${i}篇`, byline: null, siteName: null, published: null, url: null, pageUrl: `http://127.0.0.1/n/${i}`, lang: 'zh-CN', paragraphs, sourceLines: [], added: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString() };
    });

  it(`keeps more than ${CHUNK} articles, finds one in the last part, and keeping one more compiles only the last part`, async () => {
    const p = new Profile();
    const store = p.store();
    const docs = many(CHUNK + 5);
    expect(await store.import(JSON.stringify({ format: 'reprint-lens-user-corpus', version: 1, docs }))).toEqual({ added: CHUNK + 5, skipped: 0 });
    expect((await p.reread()).docs).toHaveLength(CHUNK + 5);
    const before = await store.corpora();
    expect(before.map((c) => c.docs.length)).toEqual([CHUNK, 5]);
    const last = docs.at(-1)!;
    const found = before.flatMap((c) => findVersions({ ...last, byline: null, siteName: null, published: null, url: null, sourceLines: [] } as unknown as Article, c));
    expect(found.map((m) => [m.id, m.relation])).toEqual([[last.id, 'same']]);
    await store.add(many(1, CHUNK + 5)[0]!);
    const after = await store.corpora();
    expect(after[0]).toBe(before[0]); // the first thousand were not compiled again
    expect(after.map((c) => c.docs.length)).toEqual([CHUNK, 6]);
  });

  it('a restarted worker reads the compiled parts back instead of compiling them; another build, or a damaged part, compiles again', async () => {
    const p = new Profile();
    const docs = many(CHUNK + 3);
    await p.store().import(JSON.stringify({ format: 'reprint-lens-user-corpus', version: 1, docs }));
    const find = async (store: UserCorpusStore, d: UserDoc) =>
      (await store.corpora()).flatMap((c) => findVersions({ ...d, byline: null, siteName: null, published: null, url: null, sourceLines: [] } as unknown as Article, c)).map((m) => [m.id, m.relation]);
    expect(await find(p.store('build-1'), docs[0]!)).toEqual([[docs[0]!.id, 'same']]);
    expect(p.records.chunkPuts).toHaveLength(2);
    // restarted, same build: read back, nothing compiled, the same answers
    expect(await find(p.store('build-1'), docs.at(-1)!)).toEqual([[docs.at(-1)!.id, 'same']]);
    expect(p.records.chunkPuts).toHaveLength(2);
    // an update: compiled again once, and the old build's parts are gone
    expect(await find(p.store('build-2'), docs[5]!)).toEqual([[docs[5]!.id, 'same']]);
    expect(p.records.chunkPuts).toHaveLength(4);
    const stored = await p.records.chunks(p.records.chunkPuts);
    expect(stored.map((c) => c.key)).toEqual(p.records.chunkPuts.slice(2));
    // a damaged part: compiled again, never a wrong answer
    await p.records.real.keepChunks([{ ...stored[1]!, index: { format: 'something else' } }], stored.map((c) => c.key));
    expect(await find(p.store('build-2'), docs.at(-1)!)).toEqual([[docs.at(-1)!.id, 'same']]);
    expect(p.records.chunkPuts).toHaveLength(5);
  });
});

describe('a full disk', () => {
  it.each([
    ['adding a page', (s: UserCorpusStore) => s.add(reprint)],
    ['removing a page', (s: UserCorpusStore) => s.remove(unrelated.id)],
    ['importing a file', async (s: UserCorpusStore) => s.import(JSON.stringify({ format: 'reprint-lens-user-corpus', version: 1, docs: [reprint] }))],
  ])('%s: a clear message, and what was kept stays, in memory and in the records', async (_, act) => {
    const p = new Profile();
    const store = p.store();
    await store.add(unrelated);
    p.records.full = true;
    await expect(act(store)).rejects.toThrow(/not saved.*full.*unchanged/);
    expect((await store.load()).docs.map((d) => d.id)).toEqual([unrelated.id]);
    p.records.full = false;
    expect((await p.reread()).docs.map((d) => d.id)).toEqual([unrelated.id]);
    // and once there is room again, the store works from the same state
    await store.add(reprint);
    expect((await p.reread()).docs.map((d) => d.id)).toEqual([unrelated.id, reprint.id]);
  });

  it('a change the database cannot store is abandoned whole: not one of its records is kept', async () => {
    const p = new Profile();
    await p.store().add(unrelated);
    // the second value cannot be cloned into the database: the put of the first must not survive it
    await expect(p.records.real.commit({ put: [{ key: reprint.id, value: reprint }, { key: 'user-x', value: { f: () => 1 } }] })).rejects.toThrow();
    expect((await p.reread()).docs).toEqual([unrelated]);
  });
});

describe('damaged records', () => {
  const good = () => structuredClone(unrelated) as unknown as Record<string, unknown>;
  const broken = { ...structuredClone(unrelated), paragraphs: [1, 2], title: 'half-written' };

  it.each<[string, () => Array<{ key: string; value: unknown }>, number, RegExp | null, () => unknown[]]>([
    ['none', () => [], 0, null, () => []],
    ['one good record', () => [{ key: unrelated.id, value: good() }], 1, null, () => []],
    ['one record with bad paragraphs', () => [{ key: unrelated.id, value: good() }, { key: 'user-b', value: broken }], 1, /1 of your 2 .*paragraphs\[0\]: must be text.*other 1 are kept/, () => [broken]],
    ['a record that is not an object', () => [{ key: 'user-a', value: null }, { key: unrelated.id, value: good() }], 1, /1 of your 2 .*must be an object/, () => [null]],
    ['a record without a title', () => [{ key: unrelated.id, value: { ...good(), title: undefined } }], 0, /title: must be text/, () => [{ ...good(), title: undefined }]],
  ])('%s: keeps the valid ones, says what was left out, sets the rest aside as it was', async (_, records, kept, notice, aside) => {
    const p = new Profile();
    await p.plant(records());
    const store = p.store();
    const loaded = await store.load();
    expect(loaded.docs).toHaveLength(kept);
    if (notice) expect(loaded.notice).toMatch(notice);
    else expect(loaded.notice).toBeNull();
    expect(loaded.setAside?.map((a) => a.value)).toEqual(aside());
    expect(p.records.commits).toBe(0); // reading never writes
    // the next change takes the damaged records out and keeps them aside, in one transaction
    await store.add(reprint);
    const after = await p.reread();
    expect(after.docs).toHaveLength(kept + 1);
    expect(after.notice).toBeNull();
    expect(after.setAside?.map((a) => a.value)).toEqual(aside());
    expect((await p.records.read()).docs.map((d) => d.key).sort()).toEqual(after.docs.map((d) => d.id).sort());
    // more changes never drop it
    await store.add(unrelated);
    await store.remove(unrelated.id);
    expect((await p.reread()).setAside?.map((a) => a.value)).toEqual(aside());
    expect(JSON.parse(await p.store().exportSetAside()).entries.map((e: { value: unknown }) => e.value)).toEqual(aside());
  });

  it('an article kept under another key is moved to its own with the next change', async () => {
    const p = new Profile();
    await p.plant([{ key: 'user-0000000000000000', value: good() }]);
    const store = p.store();
    expect((await store.load()).docs).toEqual([unrelated]);
    await store.add(reprint);
    expect((await p.records.read()).docs.map((d) => d.key).sort()).toEqual([unrelated.id, reprint.id].sort());
  });

  it('deletes set-aside data only when the reader asks, and it does not come back', async () => {
    const p = new Profile();
    await p.plant([{ key: unrelated.id, value: good() }, { key: 'user-b', value: broken }, { key: 'user-c', value: null }]);
    const store = p.store();
    const { setAside } = await store.load();
    expect(setAside).toHaveLength(2);
    // asked before any other change: the damaged records leave the store too
    expect(await store.discardSetAside([setAside![0]!.id])).toBe(1);
    let after = await p.reread();
    expect(after.setAside).toHaveLength(1);
    expect(after.docs).toEqual([unrelated]);
    expect((await p.records.read()).docs.map((d) => d.key)).toEqual([unrelated.id]);
    expect(await store.discardSetAside(['aside-unknown'])).toBe(0);
    expect(await store.discardSetAside(after.setAside!.map((a) => a.id))).toBe(1);
    after = await p.reread();
    expect(after.setAside).toEqual([]);
    expect(after.docs).toEqual([unrelated]);
    expect(after.notice).toBeNull();
  });

  it('records made by a newer version: read what can be read, write nothing, say so', async () => {
    const p = new Profile();
    await p.plant([{ key: unrelated.id, value: good() }, { key: 'user-n', value: { text: 'a newer kind of entry' } }], { format: 'reprint-lens-user-corpus-store', version: 2 });
    const store = p.store();
    const loaded = await store.load();
    expect(loaded.docs).toEqual([unrelated]);
    expect(loaded.newer).toBe(true);
    expect(loaded.notice).toMatch(/made by a newer version of Reprint Lens/);
    expect(loaded.setAside).toEqual([]);
    await expect(store.add(reprint)).rejects.toThrow(/made by a newer version of Reprint Lens/);
    await expect(store.remove(unrelated.id)).rejects.toThrow(/newer version/);
    expect(p.records.commits).toBe(0);
    expect((await p.records.read()).docs).toHaveLength(2);
  });
});

describe('what earlier versions kept in storage.local', () => {
  const good = () => structuredClone(unrelated) as unknown as Record<string, unknown>;
  const goodReprint = () => structuredClone(reprint) as unknown as Record<string, unknown>;
  const broken = { ...structuredClone(unrelated), paragraphs: [1, 2], title: 'half-written' };
  const truncated = () => JSON.stringify({ format: 'reprint-lens-user-corpus', version: 1, docs: [good(), good()] }).slice(0, 300);
  const list = (docs: unknown[], extra: Record<string, unknown> = {}) => ({ format: 'reprint-lens-user-corpus', version: 1, docs, ...extra });

  it.each<[string, () => Record<string, unknown>, () => UserDoc[], () => unknown[], RegExp | null]>([
    ['nothing', () => ({}), () => [], () => [], null],
    ['the single-key list', () => ({ [LEGACY_KEY]: list([good()]) }), () => [unrelated], () => [], null],
    ['the single-key list as JSON text', () => ({ [LEGACY_KEY]: JSON.stringify({ docs: [good()] }) }), () => [unrelated], () => [], null],
    ['one damaged entry among good ones', () => ({ [LEGACY_KEY]: { docs: [good(), broken] } }), () => [unrelated], () => [broken], /1 of your 2/],
    ['a list truncated by a crash (JSON text)', () => ({ [LEGACY_KEY]: truncated() }), () => [], () => [truncated()], /could not be read/],
    ['a store that is not a list', () => ({ [LEGACY_KEY]: 42 }), () => [], () => [42], /not in a form/],
    ['two slots and a head', () => ({ [HEAD_KEY]: { format: 'reprint-lens-user-corpus', version: 1, slot: 'b' }, [SLOT_KEYS.a]: list([good()], { seq: 1 }), [SLOT_KEYS.b]: list([good(), goodReprint()], { seq: 2 }) }), () => [unrelated, reprint], () => [], null],
    ['a damaged head: the slot written last', () => ({ [HEAD_KEY]: 'garbage', [SLOT_KEYS.a]: list([good(), goodReprint()], { seq: 3 }), [SLOT_KEYS.b]: list([good()], { seq: 2 }) }), () => [unrelated, reprint], () => [], null],
    ['an unreadable current slot: the one before it, the other set aside', () => ({ [HEAD_KEY]: { format: 'reprint-lens-user-corpus', version: 1, slot: 'a' }, [SLOT_KEYS.a]: '{"docs":[{"ti', [SLOT_KEYS.b]: list([good()], { seq: 1 }) }), () => [unrelated], () => ['{"docs":[{"ti'], /set aside/],
    ['what was set aside before', () => ({ [LEGACY_KEY]: list([good()]), [ASIDE_KEY]: { format: 'reprint-lens-user-corpus-set-aside', version: 1, entries: [{ id: 'aside-1', kind: 'article', from: LEGACY_KEY, reason: 'x', found: '2026-01-01T00:00:00.000Z', value: 'old' }] } }), () => [unrelated], () => ['old'], null],
  ])('%s: moved into the records once, nothing lost, the old keys removed', async (_, local, docs, aside, notice) => {
    const p = new Profile();
    p.local.data = local();
    const store = p.store();
    const loaded = await store.load();
    const expected = docs();
    expect(loaded.docs).toEqual(expected);
    expect(loaded.setAside?.map((a) => a.value)).toEqual(aside());
    if (notice) expect(loaded.notice).toMatch(notice);
    else expect(loaded.notice).toBeNull();
    expect(p.local.data).toEqual({});
    // a restart reads the records, not storage.local
    const again = await p.reread();
    expect(again.docs).toEqual(expected);
    expect(again.setAside?.map((a) => a.value)).toEqual(aside());
    // and the store works on from there
    await store.add(reprint);
    expect((await p.reread()).docs.map((d) => d.id)).toEqual([...new Set([...expected.map((d) => d.id), reprint.id])]);
  });

  it('old keys written again later (an older version ran in between) are added to the records, nothing lost, nothing doubled', async () => {
    const p = new Profile();
    p.local.data = { [LEGACY_KEY]: list([good()]) };
    await p.reread();
    await p.store().remove(unrelated.id);
    // an older version, run after the move, kept two articles where it keeps them
    p.local.data = { [LEGACY_KEY]: list([goodReprint(), broken]) };
    const merged = await p.reread();
    expect(merged.docs).toEqual([reprint]);
    expect(merged.setAside?.map((a) => a.value)).toEqual([broken]);
    expect(p.local.data).toEqual({});
    // the same again (its removal failed): nothing doubled
    p.local.data = { [LEGACY_KEY]: list([goodReprint(), broken]) };
    const again = await p.reread();
    expect(again.docs).toEqual([reprint]);
    expect(again.setAside?.map((a) => a.value)).toEqual([broken]);
  });

  it('a move the database refuses leaves storage.local as it was, and the next start moves it', async () => {
    const p = new Profile();
    p.local.data = { [LEGACY_KEY]: list([good(), broken]) };
    const before = structuredClone(p.local.data);
    p.records.full = true;
    await expect(p.reread()).rejects.toThrow(/could not be moved.*unchanged where they were/);
    expect(p.local.data).toEqual(before);
    p.records.full = false;
    const moved = await p.reread();
    expect(moved.docs).toEqual([unrelated]);
    expect(moved.setAside?.map((a) => a.value)).toEqual([broken]);
  });

  it('moved, but the old keys could not be removed: read from the records, never twice', async () => {
    const p = new Profile();
    p.local.data = { [LEGACY_KEY]: list([good()]) };
    p.local.failRemove = true;
    expect((await p.reread()).docs).toEqual([unrelated]);
    await p.store().add(reprint);
    expect((await p.reread()).docs).toEqual([unrelated, reprint]);
  });

  it.each<[string, Record<string, unknown>]>([
    ['the single-key list', { [LEGACY_KEY]: { format: 'reprint-lens-user-corpus', version: 2, docs: [{ ...structuredClone({}) }] } }],
    ['the head', { [HEAD_KEY]: { format: 'reprint-lens-user-corpus', version: 2, slot: 'a' }, [SLOT_KEYS.a]: { format: 'reprint-lens-user-corpus', version: 2, docs: [] } }],
  ])('a newer version wrote %s: read, never moved or written, and said so', async (_, local) => {
    const p = new Profile();
    const data = structuredClone(local);
    if (LEGACY_KEY in data) (data[LEGACY_KEY] as { docs: unknown[] }).docs = [good(), { text: 'a newer kind of entry' }];
    else (data[SLOT_KEYS.a] as { docs: unknown[] }).docs = [good()];
    p.local.data = structuredClone(data);
    const store = p.store();
    const loaded = await store.load();
    expect(loaded.docs).toEqual([unrelated]);
    expect(loaded.newer).toBe(true);
    expect(loaded.notice).toMatch(/made by a newer version of Reprint Lens/);
    await expect(store.add(reprint)).rejects.toThrow(/newer version/);
    await expect(store.import(JSON.stringify(list([goodReprint()])))).rejects.toThrow(/newer version/);
    expect(p.local.data).toEqual(data);
    expect(p.records.commits).toBe(0);
  });
});

describe('another context writes', () => {
  it("a read that a change from elsewhere overtook is read again, not kept stale", async () => {
    const p = new Profile();
    await p.store().add(unrelated);
    const records = p.records;
    const store = new UserCorpusStore(
      {
        read: async () => {
          const before = await records.read();
          if (!overtaken) {
            overtaken = true;
            await records.real.commit({ put: [{ key: reprint.id, value: reprint }], delete: [unrelated.id] });
            store.invalidate();
          }
          return before;
        },
        commit: (c) => records.commit(c),
        chunks: (k) => records.chunks(k),
        keepChunks: (put, keep) => records.keepChunks(put, keep),
      },
      p.local,
    );
    let overtaken = false;
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
    const p = new Profile();
    const store = p.store();
    await store.add(unrelated);
    const commits = p.records.commits;
    await expect(store.import(text())).rejects.toThrow(message);
    expect(p.records.commits).toBe(commits);
    expect((await store.load()).docs).toEqual([unrelated]);
    expect((await p.reread()).docs).toEqual([unrelated]);
  });

  it('adds what is new, keeps what was there (never replaced), and counts the rest as skipped', async () => {
    const store = new Profile().store();
    await store.add(unrelated);
    const result = await store.import(file([{ ...unrelated, title: 'renamed in the file' }, reprint, reprint]));
    expect(result).toEqual({ added: 1, skipped: 2 });
    const docs = (await store.load()).docs;
    expect(docs.map((d) => d.title)).toEqual([unrelated.title, reprint.title]);
  });

  it('reads back what export wrote, ids recomputed from the text', async () => {
    const a = new Profile().store();
    await a.add(unrelated);
    await a.add(reprint);
    const exported = await a.export();
    const tampered = exported.replace(unrelated.id, 'user-0000000000000000');
    const b = new Profile().store();
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
