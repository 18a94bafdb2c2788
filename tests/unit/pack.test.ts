// Corpus packs: a pack of the bundled family answers as the compiled folder does, reads one
// article's text without the others, and every kind of damaged file is refused with what is wrong.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { IDBFactory } from 'fake-indexeddb';
import { afterAll, describe, expect, it } from 'vitest';
import { PackStore } from '../../src/corpus/pack-store';
import { compileCorpus } from '../../src/corpus/compile';
import { loadCorpus } from '../../src/corpus/load';
import { bodyStart, PACK_PREFIX, PackError, packCorpus, packMeta, streamInflate, verifyPack, writePack, type PackContents } from '../../src/corpus/pack';
import { findVersions, findVersionsLoading } from '../../src/core/match/find-versions';
import { decodeU32, encodeU32 } from '../../src/core/index/postings';
import { findLexicon, openCorpus, run as corpusCli } from '../../src/cli/corpus';
import type { Article } from '../../src/core/types';

const CORPUS = path.resolve(__dirname, '../../assets/corpus');
const files = readdirSync(CORPUS).map((name) => ({ name, content: readFileSync(path.join(CORPUS, name)) }));
const lexicon = findLexicon();
const compiled = compileCorpus(files, { lexicon });
/** An article of the family as a page carrying it would give it. */
function corpusArticle(short: string): Article {
  const d = compiled.index.docs.find((x) => x.id.startsWith(short))!;
  const { title, byline, siteName, published, url, lang, sourceLines } = d;
  return { title, byline, siteName, published, url, lang, sourceLines, paragraphs: compiled.texts.texts[d.id]!.paragraphs };
}
const sha256 = (b: Uint8Array): Uint8Array => createHash('sha256').update(b).digest();
const meta = packMeta(compiled.index, 'Bundled family', 'the five bundled articles', 'Reprint Lens test', new Date('2026-01-02T03:04:05Z'));
const pack = writePack(compiled.index, compiled.texts, meta, { deflate: (b) => deflateSync(b), sha256 });
const pack1 = pack;

/** The browser's way of reading a pack: the body sliced from the bytes, inflated by DecompressionStream, reads counted. */
function browserCorpus(contents: PackContents, bytes: Uint8Array): { corpus: ReturnType<typeof packCorpus>; reads: number[] } {
  const body = bodyStart(contents.prefix);
  const reads: number[] = [];
  const corpus = packCorpus(
    contents,
    async (start, end) => {
      reads.push(start);
      return bytes.slice(body + start, body + end);
    },
    streamInflate,
  );
  return { corpus, reads };
}

const tmp = mkdtempSync(path.join(tmpdir(), 'rl-pack-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('a corpus pack of the bundled family', () => {
  it('says what it holds', async () => {
    const { header } = await verifyPack(pack);
    expect(header.meta).toEqual({
      name: 'Bundled family',
      description: 'the five bundled articles',
      articles: 5,
      languages: { zh: 4, en: 1 },
      dates: { first: '2022-01-01', last: '2022-09-05' },
      built: '2026-01-02T03:04:05.000Z',
      builtWith: 'Reprint Lens test',
    });
    expect(header.index.relations.map((r) => `${r.a.slice(0, 3)}~${r.b.slice(0, 3)} ${r.relation}`)).toEqual(['000~001 translation', '000~002 reprint', '001~002 translation']);
  });

  it('holds the articles\' metadata as columns (format 2), read back as the compiled folder\'s', async () => {
    const contents = await verifyPack(pack);
    expect(contents.prefix.version).toBe(2);
    expect(contents.header.index.docs).toEqual([]);
    expect(contents.header.docs?.title).toEqual(compiled.index.docs.map((d) => d.title));
    expect(browserCorpus(contents, pack).corpus.docs).toEqual(compiled.index.docs);
  });

  it('still reads a pack of format 1 (one metadata object per article), with the same articles and versions', async () => {
    const old = writePack(compiled.index, compiled.texts, meta, { deflate: (b) => deflateSync(b), sha256 }, 1);
    const contents = await verifyPack(old);
    expect(contents.prefix.version).toBe(1);
    const { corpus } = browserCorpus(contents, old);
    expect(corpus.docs).toEqual(compiled.index.docs);
    const page = corpusArticle('002');
    const found = await findVersionsLoading(page, corpus, { lexicon, exclude: [compiled.index.docs[2]!.id] });
    expect(found.map((m) => m.id.slice(0, 3)).sort()).toEqual(['000', '001']);
  });

  it('finds the same versions of every article as the compiled folder, reading only the candidates\' texts', async () => {
    const folder = loadCorpus(compiled.index, () => compiled.texts);
    for (const d of compiled.index.docs) {
      const page = corpusArticle(d.id.slice(0, 3));
      const contents = await verifyPack(pack);
      const { corpus, reads } = browserCorpus(contents, pack);
      const fromPack = await findVersionsLoading(page, corpus, { lexicon, exclude: [d.id] });
      expect(fromPack).toEqual(findVersions(page, folder, { lexicon, exclude: [d.id] }));
      expect(reads.length).toBeLessThan(compiled.index.docs.length); // never every text
      expect(corpus.alignment('000_3e0ed82598e826fe', '001_ca89d907f43c97a4')).toEqual(folder.alignment('000_3e0ed82598e826fe', '001_ca89d907f43c97a4'));
    }
  });

  it('is written by `corpus build -o <name>.rlpack` and read by --corpus, as the folder is', async () => {
    const out = path.join(tmp, 'family.rlpack');
    expect(await corpusCli(['build', CORPUS, '-o', out, '--name', 'Family', '--description', 'five articles'])).toBe(0);
    const corpus = openCorpus(out);
    const folder = openCorpus(CORPUS);
    const page = corpusArticle('002');
    expect(findVersions(page, corpus, { lexicon })).toEqual(findVersions(page, folder, { lexicon }));
    expect((await verifyPack(readFileSync(out))).header.meta).toMatchObject({ name: 'Family', description: 'five articles', articles: 5 });
    // a file of that name that is not a pack is the reader's, never overwritten
    const mine = path.join(tmp, 'mine.rlpack');
    writeFileSync(mine, 'my notes');
    expect(await corpusCli(['build', CORPUS, '-o', mine])).toBe(1);
    expect(readFileSync(mine, 'utf8')).toBe('my notes');
  });
});

describe('a damaged pack is refused with what is wrong', () => {
  const flipped = (at: number): Uint8Array => {
    const b = pack.slice();
    b[at] = b[at]! ^ 0x20;
    return b;
  };
  const withVersion = (v: number): Uint8Array => {
    const b = pack.slice();
    new DataView(b.buffer).setUint32(12, v, true);
    return b;
  };
  const rows: Array<[string, Uint8Array, RegExp]> = [
    ['truncated', pack.slice(0, pack.length - 100), /truncated: \d+ bytes of the \d+/],
    ['cut inside its prefix', pack.slice(0, 40), /truncated/],
    ['one byte of an article changed', flipped(pack.length - 10), /checksum does not match/],
    ['one byte of its header changed', flipped(PACK_PREFIX + 20), /checksum does not match/],
    ['a newer format version', withVersion(3), /format version 3; this version of Reprint Lens reads versions 1 and 2 \(update Reprint Lens\)/],
    ['not a pack (a compiled index)', new TextEncoder().encode(JSON.stringify(compiled.index)), /not a Reprint Lens corpus pack/],
    ['empty', new Uint8Array(0), /not a Reprint Lens corpus pack/],
    ['bytes after its end', Uint8Array.from([...pack, 0]), /1 bytes follow the end/],
  ];
  it.each(rows)('%s', async (_what, bytes, message) => {
    await expect(verifyPack(bytes)).rejects.toThrow(message);
  });

  it('a block damaged after the checksum was checked (a disk error) fails that article alone, in one line', async () => {
    const contents = await verifyPack(pack);
    const broken = pack.slice();
    const body = bodyStart(contents.prefix);
    broken[body + 5] = broken[body + 5]! ^ 0xff;
    const { corpus } = browserCorpus(contents, broken);
    const first = compiled.index.docs[0]!.id;
    await expect(corpus.loadTexts([first])).rejects.toThrow(new RegExp(`text of ${first}`));
    await corpus.loadTexts([compiled.index.docs[1]!.id]);
  });
});

describe('the store of installed packs (IndexedDB)', () => {
  const store = () => new PackStore(new IDBFactory());
  const other = (name: string): Uint8Array => writePack(compiled.index, compiled.texts, { ...meta, name }, { deflate: (b) => deflateSync(b), sha256 });

  it('installs, lists, reads an article, disables and removes a pack', async () => {
    const s = store();
    const { pack, replaced } = await s.install(pack1);
    expect(replaced).toBeNull();
    expect(await s.list()).toEqual([pack]);
    expect(pack).toMatchObject({ enabled: true, size: pack1.length, meta: { name: 'Bundled family', articles: 5 } });
    const corpus = await s.corpus(pack.id);
    const id = compiled.index.docs[2]!.id;
    await corpus.loadTexts([id]);
    expect(corpus.text(id)).toEqual(compiled.texts.texts[id]);
    expect((await s.setEnabled(pack.id, false)).enabled).toBe(false);
    expect((await s.list())[0]!.enabled).toBe(false);
    await s.remove(pack.id);
    expect(await s.list()).toEqual([]);
    await expect(s.corpus(pack.id)).rejects.toThrow(/missing/);
  });

  it('replaces a pack of the same name only with a sound file, and never touches the others', async () => {
    const s = store();
    const first = (await s.install(pack1, new Date('2026-01-01'))).pack;
    const second = (await s.install(other('Another pack'), new Date('2026-01-02'))).pack;
    for (const bad of [pack1.slice(0, 1000), Uint8Array.from(pack1, (x, i) => (i === pack1.length - 3 ? x ^ 1 : x))]) {
      await expect(s.install(bad)).rejects.toThrow(PackError);
      expect(await s.list()).toEqual([first, second]);
    }
    // an update: same name, another file
    const updated = writePack(compiled.index, compiled.texts, { ...meta, description: 'updated' }, { deflate: (b) => deflateSync(b, { level: 1 }), sha256 });
    const { pack, replaced } = await s.install(updated, new Date('2026-01-03'));
    expect(replaced).toEqual(first);
    expect((await s.list()).map((p) => [p.meta.name, p.meta.description])).toEqual([['Another pack', 'the five bundled articles'], ['Bundled family', 'updated']]);
    await expect(s.corpus(first.id)).rejects.toThrow(/missing/);
    expect((await s.corpus(pack.id)).docs).toHaveLength(5);
  });

  it('stores the file the pack was read from when given it, and reads its articles back from there', async () => {
    const s = store();
    const { pack } = await s.install(pack1, new Date('2026-01-01'), new Blob([pack1.slice()]));
    const corpus = await s.corpus(pack.id);
    const id = compiled.index.docs[1]!.id;
    await corpus.loadTexts([id]);
    expect(corpus.text(id)).toEqual(compiled.texts.texts[id]);
  });

  it('refuses at install a pack whose checksum is right but whose index names an article it lacks (the worker then opens stored packs without that walk)', async () => {
    const docs = decodeU32(compiled.index.postings.docs, compiled.index.postings.count);
    docs[docs.length - 1] = 999;
    const index = { ...compiled.index, postings: { ...compiled.index.postings, docs: encodeU32(docs) } };
    const bad = writePack(index, compiled.texts, meta, { deflate: (b) => deflateSync(b), sha256 });
    const s = store();
    await expect(s.install(bad)).rejects.toThrow(/postings refers to doc 999 of 5/);
    expect(await s.list()).toEqual([]);
  });
});
