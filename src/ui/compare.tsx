// The full-page comparison view: the page beside a chosen version, with next/previous change,
// folding and granularity toggles and the edit list. Opened from the popup as
// compare.html?tab=<tabId>&doc=<id>, or compare.html?a=<id>&b=<id> for two corpus articles.
import { render } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { send, type DocInfo, type TabVerdict } from '../messages';
import type { Comparison } from '../core/types';
import { DiffTable, Outside, isChange } from './components/DiffTable';
import { VersionList } from './components/VersionList';
import { applyTheme, t } from './i18n';

const params = new URLSearchParams(location.search);

function CompareView() {
  const tabId = params.has('tab') ? Number(params.get('tab')) : null;
  const [verdict, setVerdict] = useState<TabVerdict | null>(null);
  const [docs, setDocs] = useState<Map<string, DocInfo>>(new Map());
  const [docId, setDocId] = useState<string | null>(params.get('doc'));
  const [fold, setFold] = useState(true);
  const [granularity, setGranularity] = useState<'char' | 'word'>('char');
  const [onlyChanges, setOnlyChanges] = useState(false);
  const [comparison, setComparison] = useState<Comparison | null>(null);
  const [current, setCurrent] = useState(-1);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void (async () => {
      try {
        setDocs(new Map((await send('listDocs')).map((d) => [d.id, d])));
        if (tabId !== null) {
          const v = await send('getVerdict', tabId);
          setVerdict(v);
          if (!params.get('doc') && v?.report?.matches[0]) setDocId(v.report.matches[0].id);
        }
      } catch (e) {
        setError((e as Error).message);
      }
    })();
  }, []);

  useEffect(() => {
    const a = params.get('a');
    const b = params.get('b');
    const request =
      tabId !== null && docId
        ? send('compareWithPage', { tabId, docId, granularity, foldNoise: fold })
        : a && b
          ? send('compareDocs', { a, b, granularity, foldNoise: fold })
          : null;
    if (!request) return;
    request.then((c) => {
      setComparison(c);
      setCurrent(-1);
    }, (e: Error) => setError(e.message));
  }, [docId, fold, granularity]);

  const changes = useMemo(() => (comparison ? comparison.rows.flatMap((r, i) => (isChange(r) ? [i] : [])) : []), [comparison]);

  function go(step: 1 | -1) {
    if (changes.length === 0) return;
    const at = changes.indexOf(current);
    const next = changes[(at + step + changes.length) % changes.length] ?? changes[0]!;
    setCurrent(next);
    document.getElementById(`row-${next}`)?.scrollIntoView({ block: 'center' });
  }

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.target instanceof HTMLInputElement || e.target instanceof HTMLButtonElement) return;
      if (e.key === 'n' || e.key === 'j') go(1);
      if (e.key === 'p' || e.key === 'k') go(-1);
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  });

  const doc = docId ? docs.get(docId) : undefined;
  return (
    <main class="compare-view">
      <header class="bar">
        <img src="icons/icon-32.png" alt="" width={24} height={24} />
        <h1>{t('extName')}</h1>
      </header>
      {error && <p class="error" role="alert">{t('errorPrefix', error)}</p>}
      {verdict?.report && verdict.report.matches.length > 0 && (
        <VersionList matches={verdict.report.matches} docs={docs} selected={docId} onSelect={setDocId} />
      )}
      <div class="toolbar" role="toolbar">
        <button onClick={() => go(-1)} data-testid="prev-change">{t('prevChange')}</button>
        <button onClick={() => go(1)} data-testid="next-change">{t('nextChange')}</button>
        <button aria-pressed={fold} onClick={() => setFold(!fold)} data-testid="toggle-fold">{t('foldNoise')}</button>
        <button aria-pressed={granularity === 'word'} onClick={() => setGranularity(granularity === 'char' ? 'word' : 'char')} data-testid="toggle-granularity">
          {t('byWords')}
        </button>
        <button aria-pressed={onlyChanges} onClick={() => setOnlyChanges(!onlyChanges)} data-testid="toggle-only-changes">{t('onlyChanges')}</button>
        <span class="meta">{t('changeCount', changes.length)}</span>
      </div>
      {comparison && (
        <>
          {comparison.degraded && <p class="notice" role="status">{t('degraded')}</p>}
          <DiffTable comparison={comparison} labels={[doc?.title ?? params.get('a') ?? '', verdict ? t('thisPage') : params.get('b') ?? '']} onlyChanges={onlyChanges} current={current} />
          <Outside comparison={comparison} />
        </>
      )}
    </main>
  );
}

applyTheme();
render(<CompareView />, document.getElementById('app')!);
