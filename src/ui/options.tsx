// Options page: the corpora the extension matches against. The bundled articles, the corpus
// packs the reader installed (./components/CorpusPacks.tsx), and the reader's own (kept with "add this page to my corpus"): listed, removable, exported as a JSON file and
// imported from one. An import is checked whole in the background and only adds; on any error
// nothing changes and the message says what was wrong and where. Stored data that could not be
// read is listed ("3 articles could not be read"), exportable as it was, and deleted only when the
// reader confirms; a store made by a newer version is shown read-only.
import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { send, type DocInfo, type SetAsideInfo, type UserCorpusStatus } from '../messages';
import { sendImportFile } from './import';
import { download } from './export';
import { applyTheme, t } from './i18n';
import { errorText } from './problem';
import { langName } from './components/VersionList';
import { isolateText, MetaLine, PageText } from './components/PageText';
import { CorpusPacks } from './components/CorpusPacks';

function meta(d: DocInfo) {
  return <MetaLine site={d.site} rest={[d.date?.slice(0, 10), langName(d.lang)]} />;
}

function Options() {
  const [docs, setDocs] = useState<DocInfo[] | null>(null);
  const [mine, setMine] = useState<UserCorpusStatus | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  const refresh = async () => {
    const [all, status] = await Promise.all([send('listDocs'), send('userCorpus')]);
    setDocs(all.filter((d) => d.origin === 'bundled'));
    setMine(status);
  };
  useEffect(() => {
    refresh().catch((e: unknown) => setError(errorText(e)));
  }, []);

  async function act(run: () => Promise<string | null>) {
    setMessage(null);
    setError(null);
    try {
      setMessage(await run());
    } catch (e) {
      setError(errorText(e));
    }
  }

  const remove = (d: DocInfo) =>
    act(async () => {
      setMine(await send('removeUserDoc', d.id));
      return t('removed', isolateText(d.title));
    });

  const exportMine = () =>
    act(async () => {
      const text = await send('exportUserCorpus');
      download({ kind: 'json', name: `reprint-lens-my-corpus-${new Date().toISOString().slice(0, 10)}.json`, mime: 'application/json', text });
      return null;
    });

  const importFile = (file: File) =>
    act(async () => {
      try {
        const { added, skipped } = await sendImportFile(file, (part) => send('importUserCorpus', part), t);
        await refresh();
        return t('imported', added, skipped);
      } catch (e) {
        throw new Error(t('importFailed', `${file.name}: ${errorText(e)}`));
      } finally {
        if (fileInput.current) fileInput.current.value = '';
      }
    });

  const setAside: SetAsideInfo[] = mine?.setAside ?? [];
  const exportSetAside = () =>
    act(async () => {
      const text = await send('exportSetAside');
      download({ kind: 'json', name: `reprint-lens-unreadable-${new Date().toISOString().slice(0, 10)}.json`, mime: 'application/json', text });
      return null;
    });
  const deleteSetAside = () =>
    act(async () => {
      setConfirmDelete(false);
      const status = await send('discardSetAside', setAside.map((a) => a.id));
      setMine(status);
      return t('setAsideDeleted', setAside.length - (status.setAside?.length ?? 0));
    });
  const articlesAside = setAside.filter((a) => a.kind === 'article').length;
  const storesAside = setAside.length - articlesAside;

  return (
    <main class="options-view">
      <header class="bar">
        <img src="icons/icon-32.png" alt="" width={24} height={24} />
        <h1>{t('extName')} · {t('options')}</h1>
      </header>
      <div role="status" aria-live="polite" class="live">
        {message && <p class="notice ok" data-testid="options-status">{message}</p>}
      </div>
      {error && <p class="error" role="alert" data-testid="options-error">{error}</p>}

      <section aria-labelledby="mine-title">
        <h2 id="mine-title">{t('myCorpus')}</h2>
        <p class="meta">{t('myCorpusIntro')}</p>
        {mine?.newer && <p class="error" role="alert" data-testid="newer-notice">{t('newerStore')}</p>}
        {mine?.notice && !mine.newer && <p class="error" role="alert" data-testid="damaged-notice">{t('damagedNotice', mine.notice)}</p>}
        {setAside.length > 0 && (
          <div class="set-aside" data-testid="set-aside" data-count={setAside.length}>
            {articlesAside > 0 && <p data-testid="set-aside-articles">{t('setAsideArticles', articlesAside)}</p>}
            {storesAside > 0 && <p data-testid="set-aside-stores">{t('setAsideStores', storesAside)}</p>}
            <ul>
              {setAside.map((a) => (
                <li key={a.id} data-testid="set-aside-entry" data-kind={a.kind}>
                  {a.kind === 'store' ? t('setAsideStore') : a.title !== null ? <PageText>{a.title}</PageText> : t('setAsideUntitled')}
                  <span class="meta"> · <bdi>{a.reason}</bdi> · {a.found.slice(0, 10)}</span>
                </li>
              ))}
            </ul>
            <div class="actions">
              <button type="button" onClick={() => void exportSetAside()} data-testid="export-set-aside">{t('exportSetAside')}</button>
              {!confirmDelete && <button type="button" onClick={() => setConfirmDelete(true)} disabled={mine?.newer} data-testid="delete-set-aside">{t('deleteSetAside')}</button>}
              {confirmDelete && (
                <>
                  <button type="button" class="danger" onClick={() => void deleteSetAside()} data-testid="confirm-delete-set-aside">{t('confirmDeleteSetAside', setAside.length)}</button>
                  <button type="button" onClick={() => setConfirmDelete(false)} data-testid="keep-set-aside">{t('keepSetAside')}</button>
                </>
              )}
            </div>
          </div>
        )}
        {mine && mine.docs.length === 0 && <p>{t('myCorpusEmpty')}</p>}
        {mine && mine.docs.length > 0 && (
          <table class="docs">
            <tbody>
              {mine.docs.map((d) => (
                <tr key={d.id} data-testid="user-doc" data-doc-id={d.id}>
                  <td lang={d.lang}>{d.url && /^https?:\/\//i.test(d.url) ? <a href={d.url} target="_blank" rel="noopener noreferrer"><PageText>{d.title}</PageText></a> : <PageText>{d.title}</PageText>}</td>
                  <td class="meta">{meta(d)}</td>
                  <td>
                    <button type="button" onClick={() => void remove(d)} disabled={mine.newer} aria-label={t('removeLabel', isolateText(d.title))}>{t('remove')}</button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <div class="actions">
          <button type="button" onClick={() => void exportMine()} disabled={!mine || mine.docs.length === 0} data-testid="export-corpus">{t('exportCorpus')}</button>
          <button type="button" onClick={() => fileInput.current?.click()} disabled={mine?.newer} data-testid="import-corpus">{t('importCorpus')}</button>
          <input
            ref={fileInput}
            type="file"
            accept="application/json,.json"
            hidden
            data-testid="import-file"
            onChange={(e) => {
              const file = (e.currentTarget as HTMLInputElement).files?.[0];
              if (file) void importFile(file);
            }}
          />
        </div>
      </section>

      <CorpusPacks
        onMessage={(text) => {
          setError(null);
          setMessage(text);
        }}
        onError={(text) => {
          setMessage(null);
          setError(text);
        }}
      />

      <section aria-labelledby="bundled-title">
        <h2 id="bundled-title">{t('bundledCorpus')}</h2>
        <table class="docs">
          <tbody>
            {docs?.map((d) => (
              <tr key={d.id} data-testid="corpus-doc" data-doc-id={d.id}>
                <td lang={d.lang}><PageText>{d.title}</PageText></td>
                <td class="meta">{meta(d)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </main>
  );
}

applyTheme();
render(<Options />, document.getElementById('app')!);
