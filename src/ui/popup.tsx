// The toolbar popup: the page's verdict in one line, the versions found, and a side-by-side diff
// of the chosen version against the page. On pages without versions it says why, and can show
// what was extracted so a reader can see what was compared.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { send, type DocInfo, type TabVerdict } from '../messages';
import type { Comparison, Match } from '../core/types';
import { DiffTable, Outside } from './components/DiffTable';
import { VersionList, docLabel } from './components/VersionList';
import { ExtractedView } from './components/ExtractedView';
import { applyTheme, t } from './i18n';
import { targetTab } from './tab';

const POLL_MS = 250;
const POLL_LIMIT = 120; // 30 s: extraction and matching take well under a second

function whyNoVersions(v: TabVerdict): string {
  if (v.extraction && !v.extraction.isArticle) return t('notArticle');
  if (v.report && !v.report.topic.digitalGovernment) return t('notTopic');
  return t('noVersions');
}

function Popup() {
  const [tabId, setTabId] = useState<number | null>(null);
  const [verdict, setVerdict] = useState<TabVerdict | null | undefined>(undefined);
  const [docs, setDocs] = useState<Map<string, DocInfo>>(new Map());
  const [chosen, setChosen] = useState<string | null>(null);
  const [comparison, setComparison] = useState<Comparison | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void (async () => {
      try {
        const tab = await targetTab();
        if (!tab) return setVerdict(null);
        setTabId(tab.id);
        setDocs(new Map((await send('listDocs')).map((d) => [d.id, d])));
        let v = await send('getVerdict', tab.id);
        // a verdict for another address belongs to a page the tab has left
        if (v && tab.url && v.url !== tab.url) v = null;
        setVerdict(v);
        for (let i = 0; v?.status === 'analysing' && i < POLL_LIMIT; i++) {
          await new Promise((r) => setTimeout(r, POLL_MS));
          v = await send('getVerdict', tab.id);
          setVerdict(v);
        }
      } catch (e) {
        setError(String((e as Error).message ?? e));
      }
    })();
  }, []);

  const matches: Match[] = verdict?.status === 'done' ? (verdict.report?.matches ?? []) : [];
  // the page's own text (relation same) has nothing to show beside it: start with another version
  const first = (matches.find((m) => m.relation !== 'same') ?? matches[0])?.id ?? null;
  const selected = chosen ?? first;

  useEffect(() => {
    if (tabId === null || selected === null) return;
    setComparison(null);
    send('compareWithPage', { tabId, docId: selected })
      .then(setComparison)
      .catch((e: Error) => setError(e.message));
  }, [tabId, selected]);

  async function analyse() {
    if (tabId === null) return;
    setVerdict({ tabId, url: '', title: '', status: 'analysing', updated: Date.now() });
    try {
      let v = await send('analyseTab', tabId);
      for (let i = 0; v.status === 'analysing' && i < POLL_LIMIT; i++) {
        await new Promise((r) => setTimeout(r, POLL_MS));
        v = (await send('getVerdict', tabId)) ?? v;
      }
      setVerdict(v);
    } catch (e) {
      setError((e as Error).message);
    }
  }

  function openFull() {
    if (tabId === null) return;
    const url = browser.runtime.getURL(`compare.html?tab=${tabId}${selected ? `&doc=${encodeURIComponent(selected)}` : ''}`);
    void browser.tabs.create({ url });
    window.close();
  }

  const match = matches.find((m) => m.id === selected);
  const doc = selected ? docs.get(selected) : undefined;

  return (
    <main class="popup" aria-live="polite">
      <header class="bar">
        <img src="icons/icon-32.png" alt="" width={20} height={20} />
        <h1>{t('extName')}</h1>
        <a class="options-link" href="options.html" target="_blank" rel="noopener">{t('options')}</a>
      </header>
      {error && <p class="error" role="alert">{t('errorPrefix', error)}</p>}
      {verdict === undefined && !error && <p class="status">{t('loading')}</p>}
      {verdict === null && (
        <section class="empty-state" data-testid="no-versions">
          <p>{tabId === null ? t('noTab') : t('notSeen')}</p>
          {tabId !== null && <button onClick={analyse}>{t('analyseAnyway')}</button>}
        </section>
      )}
      {verdict?.status === 'analysing' && <p class="status">{t('analysing')}</p>}
      {verdict?.status === 'error' && <p class="error" role="alert">{t('errorPrefix', verdict.error ?? '')}</p>}
      {verdict?.status === 'done' && matches.length === 0 && (
        <section class="empty-state" data-testid="no-versions">
          <p>{whyNoVersions(verdict)}</p>
          {verdict.extraction && <ExtractedView verdict={verdict} />}
        </section>
      )}
      {matches.length > 0 && (
        <>
          <p class="verdict" data-testid="verdict">
            {match && doc ? t(`verdict_${match.relation}`, docLabel(doc, docs)) : ''}
            {comparison && comparison.crossLanguage === false
              ? ` · ${t('kept', Math.round(comparison.summary.kept * 100))} · ${t('edits', comparison.edits.length)}`
              : ''}
          </p>
          <VersionList matches={matches} docs={docs} selected={selected} onSelect={setChosen} />
          {comparison && (
            <>
              {comparison.degraded && <p class="notice" role="status">{t('degraded')}</p>}
              <DiffTable comparison={comparison} labels={[doc?.title ?? selected ?? '', t('thisPage')]} />
              <Outside comparison={comparison} />
            </>
          )}
          <footer class="actions">
            <button onClick={openFull}>{t('openFull')}</button>
          </footer>
          {verdict?.extraction && <ExtractedView verdict={verdict} />}
        </>
      )}
    </main>
  );
}

applyTheme();
render(<Popup />, document.getElementById('app')!);
