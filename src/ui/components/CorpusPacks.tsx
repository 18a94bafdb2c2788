// The options page's "Corpus packs": import a .rlpack (file input or drop), with a progress bar
// while it is read; list the installed packs, each usable for matching or not, and removable.
// The page writes IndexedDB itself (src/corpus/pack-store.ts: verified whole, then stored in one
// transaction) and tells the background, which matches the open tabs again.
import { useEffect, useRef, useState } from 'preact/hooks';
import { send, type PackInfo, type PackTrouble } from '../../messages';
import { PackError } from '../../corpus/pack';
import { PackStore } from '../../corpus/pack-store';
import { t } from '../i18n';
import { megabytes } from '../import';
import { errorText } from '../problem';
import { isolateText, PageText } from './PageText';

let opened: PackStore | null = null;
/** The store, opened when first used (a page that never touches packs never opens the database). */
const store = (): PackStore => (opened ??= new PackStore(indexedDB));

/** Reads a file whole, reporting the share read (0..1). */
async function readWithProgress(file: File, progress: (share: number) => void): Promise<Uint8Array> {
  const out = new Uint8Array(file.size);
  const reader = file.stream().getReader();
  let at = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (at + value.length > out.length) throw new Error('the file grew while it was read');
    out.set(value, at);
    at += value.length;
    progress(file.size ? at / file.size : 1);
  }
  return at === out.length ? out : out.subarray(0, at);
}

/** Why a pack was refused, in the reader's language. */
function problemText(e: unknown): string {
  const detail = e instanceof Error ? e.message : String(e);
  return troubleText({ kind: e instanceof PackError ? e.problem : 'other', message: detail });
}

/** A pack's problem (refused at import, or found when the worker opened it) in the reader's language. */
function troubleText({ kind, message: detail }: PackTrouble): string {
  switch (kind) {
    case 'other':
      return t('packProblem_other', detail);
    case 'not-pack':
      return t('packProblem_not_pack');
    case 'truncated':
      return t('packProblem_truncated');
    case 'version':
      return t('packProblem_version', detail);
    case 'checksum':
      return t('packProblem_checksum');
    case 'missing':
      return t('packProblem_missing');
    default:
      return t('packProblem_damaged', detail.replace(/^this pack is damaged: /, ''));
  }
}

export function CorpusPacks(props: { onMessage: (text: string) => void; onError: (text: string) => void }) {
  const [packs, setPacks] = useState<PackInfo[] | null>(null);
  const [busy, setBusy] = useState<{ name: string; phase: 'reading' | 'checking'; share: number } | null>(null);
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    send('listPacks').then(setPacks, (e: unknown) => props.onError(errorText(e)));
  }, []);

  const changed = async () => setPacks(await send('packsChanged'));

  async function importPack(file: File) {
    if (busy) return;
    try {
      setBusy({ name: file.name, phase: 'reading', share: 0 });
      const bytes = await readWithProgress(file, (share) => setBusy({ name: file.name, phase: 'reading', share }));
      setBusy({ name: file.name, phase: 'checking', share: 1 });
      const { pack, replaced } = await store().install(bytes, new Date(), file);
      await changed();
      props.onMessage(t(replaced ? 'packReplaced' : 'packInstalled', isolateText(pack.meta.name), pack.meta.articles));
    } catch (e) {
      props.onError(t('packFailed', isolateText(file.name), problemText(e)));
    } finally {
      setBusy(null);
      if (input.current) input.current.value = '';
    }
  }

  async function run(action: () => Promise<unknown>, done?: string) {
    try {
      await action();
      await changed();
      if (done) props.onMessage(done);
    } catch (e) {
      props.onError(problemText(e));
    }
  }

  return (
    <section
      aria-labelledby="packs-title"
      class={dragging ? 'packs dragging' : 'packs'}
      data-testid="packs"
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        const file = e.dataTransfer?.files?.[0];
        if (file) void importPack(file);
      }}
    >
      <h2 id="packs-title">{t('corpusPacks')}</h2>
      <p class="meta">{t('corpusPacksIntro')}</p>
      {packs && packs.length === 0 && <p>{t('packsEmpty')}</p>}
      {packs && packs.length > 0 && (
        <table class="docs">
          <tbody>
            {packs.map((p) => (
              <tr key={p.id} data-testid="pack" data-pack-id={p.id} data-pack-name={p.name} data-articles={p.articles} data-enabled={String(p.enabled)}>
                <td>
                  <strong><PageText>{p.name}</PageText></strong>
                  {p.description && <div class="meta"><PageText>{p.description}</PageText></div>}
                  {p.problem && <div class="error" data-testid="pack-problem">{t('packUnusable', troubleText(p.problem))}</div>}
                </td>
                <td class="meta">
                  {t('packArticles', p.articles)}
                  {p.dates && ` · ${p.dates.first} – ${p.dates.last}`}
                  {` · ${Object.keys(p.languages).join(', ')} · ${megabytes(p.size)}`}
                </td>
                <td>
                  <label>
                    <input type="checkbox" checked={p.enabled} data-testid="pack-enabled" onChange={(e) => void run(() => store().setEnabled(p.id, (e.currentTarget as HTMLInputElement).checked))} />{' '}
                    {t('packEnabled')}
                  </label>
                </td>
                <td>
                  <button type="button" data-testid="remove-pack" aria-label={t('packRemoveLabel', isolateText(p.name))} onClick={() => void run(() => store().remove(p.id), t('packRemoved', isolateText(p.name)))}>
                    {t('remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {busy && (
        <div class="progress" data-testid="pack-progress">
          <label for="pack-progress-bar">{t(busy.phase === 'reading' ? 'packReading' : 'packChecking', isolateText(busy.name))}</label>
          {busy.phase === 'reading' ? <progress id="pack-progress-bar" max={1} value={busy.share} /> : <progress id="pack-progress-bar" />}
        </div>
      )}
      <div class="actions">
        <button type="button" onClick={() => input.current?.click()} disabled={busy !== null} data-testid="import-pack-button">{t('importPack')}</button>
        <span class="meta">{t('dropPack')}</span>
        <input
          ref={input}
          type="file"
          accept=".rlpack,application/octet-stream"
          hidden
          data-testid="import-pack"
          onChange={(e) => {
            const file = (e.currentTarget as HTMLInputElement).files?.[0];
            if (file) void importPack(file);
          }}
        />
      </div>
    </section>
  );
}
