// The toolbar popup: the page's verdict in one line, which version is likely the original and why,
// the versions found, and a side-by-side diff of the chosen version against the page. On pages
// without versions it says why, can show what was extracted, and can keep the page in the
// reader's own corpus so that it is matched from then on.
import { render } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { ReplyError, send, type DocInfo, type TabVerdict } from '../messages';
import type { Provenance } from '../core/compare/provenance';
import type { Comparison, Match } from '../core/types';
import { DiffTable, Outside } from './components/DiffTable';
import { EditList } from './components/EditList';
import { editStops, stepStop, type EditGroup } from './stops';
import { useDocsOf, VersionList } from './components/VersionList';
import { ExtractedView } from './components/ExtractedView';
import { ProvenanceLine } from './components/Provenance';
import { applyTheme, t } from './i18n';
import { errorText } from './problem';
import { targetTab } from './tab';
import { readAgainst, verdictFigures, verdictTarget } from './verdict';

const POLL_MS = 250;
const POLL_LIMIT = 120; // 30 s: extraction and matching take well under a second

function whyNoVersions(v: TabVerdict): string {
  if (v.extraction && !v.extraction.isArticle) return t('notArticle');
  if (v.report && !v.report.topic.digitalGovernment) return t('notTopic');
  return t('noVersions');
}

async function waitWhileAnalysing(tabId: number, v: TabVerdict | null, show: (v: TabVerdict | null) => void): Promise<TabVerdict | null> {
  for (let i = 0; v?.status === 'analysing' && i < POLL_LIMIT; i++) {
    await new Promise((r) => setTimeout(r, POLL_MS));
    v = (await send('getVerdict', tabId)) ?? v;
    show(v);
  }
  return v;
}

async function listDocs(): Promise<Map<string, DocInfo>> {
  return new Map((await send('listDocs')).map((d) => [d.id, d]));
}

/** Comparisons by version id, so that the verdict's figures and the diff share one request. */
const comparisons = new Map<string, Promise<Comparison>>();
function compareWith(tabId: number, docId: string): Promise<Comparison> {
  let c = comparisons.get(docId);
  if (!c) {
    c = send('compareWithPage', { tabId, docId });
    c.catch(() => comparisons.delete(docId));
    comparisons.set(docId, c);
  }
  return c;
}

function Popup() {
  const [tabId, setTabId] = useState<number | null>(null);
  const [verdict, setVerdict] = useState<TabVerdict | null | undefined>(undefined);
  const [docs, setDocs] = useState<Map<string, DocInfo>>(new Map());
  const [provenance, setProvenance] = useState<Provenance | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [comparison, setComparison] = useState<Comparison | null>(null);
  const [figures, setFigures] = useState<Comparison | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [kept, setKept] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [changesOnly, setChangesOnly] = useState(false);
  const [current, setCurrent] = useState(-1);

  useEffect(() => {
    void (async () => {
      try {
        const tab = await targetTab();
        if (!tab) return setVerdict(null);
        setTabId(tab.id);
        setDocs(await listDocs());
        let v = await send('getVerdict', tab.id);
        // a verdict for another address belongs to a page the tab has left
        if (v && tab.url && v.url !== tab.url) v = null;
        setVerdict(v);
        await waitWhileAnalysing(tab.id, v, setVerdict);
      } catch (e) {
        setError(String((e as Error).message ?? e));
      }
    })();
  }, []);

  const matches: Match[] = verdict?.status === 'done' ? (verdict.report?.matches ?? []) : [];
  const matchKey = matches.map((m) => m.id).join(' ');

  useDocsOf(matches, docs, setDocs);

  useEffect(() => {
    if (tabId === null || matches.length === 0) return setProvenance(null);
    send('getProvenance', tabId).then(setProvenance, (e: unknown) => setError(errorText(e)));
  }, [tabId, matchKey]);

  const target = verdictTarget(matches, provenance, docs);
  // start with the original (what the verdict measures against), else a version other than the page's own text
  const first = target?.id ?? (matches.find((m) => m.relation !== 'same') ?? matches[0])?.id ?? null;
  const selected = chosen !== null && matches.some((m) => m.id === chosen) ? chosen : first;

  // the same stops as the full view: every edit once, in table order
  const groups: EditGroup[] = useMemo(() => (comparison ? [{ title: '', edits: comparison.edits, rowOf: (e) => e.row }] : []), [comparison]);
  const { stops, editRows } = useMemo(() => editStops(groups, comparison?.rows.length ?? 0), [groups]);
  useEffect(() => setCurrent(-1), [comparison]);
  function jump(k: number) {
    const stop = stops[k];
    if (!stop) return;
    setCurrent(k);
    requestAnimationFrame(() => document.getElementById(`row-${stop.row}`)?.scrollIntoView({ block: 'nearest' }));
  }
  const step = (by: 1 | -1) => jump(stepStop(current, stops.length, by));

  const relationOf = (id: string): Match['relation'] | undefined => matches.find((m) => m.id === id)?.relation;

  useEffect(() => {
    if (tabId === null || selected === null) return setComparison(null);
    setComparison(null);
    // an excerpt is shown as the passages it quotes, not as a reprint that dropped the rest
    compareWith(tabId, selected).then((c) => setComparison(readAgainst(c, relationOf(selected)).comparison), (e: unknown) => setError(errorText(e)));
  }, [tabId, selected, matchKey]);

  useEffect(() => {
    if (tabId === null || !target?.id) return setFigures(null);
    compareWith(tabId, target.id).then(setFigures, () => setFigures(null));
  }, [tabId, target?.id, matchKey]);

  async function analyse(): Promise<TabVerdict | null> {
    if (tabId === null) return null;
    setVerdict({ tabId, url: '', title: '', status: 'analysing', updated: Date.now() });
    try {
      return await waitWhileAnalysing(tabId, await send('analyseTab', tabId), setVerdict);
    } catch (e) {
      setError((e as Error).message);
      return null;
    }
  }

  async function keepPage() {
    if (tabId === null) return;
    setBusy(true);
    setKept(null);
    setError(null);
    try {
      const v = verdict?.extraction ? verdict : await analyse();
      if (!v?.extraction) throw new Error(t('cannotKeep'));
      const r = await send('addPageToCorpus', tabId);
      comparisons.clear();
      setDocs(await listDocs());
      setVerdict(r.verdict);
      setKept(r.added ? t('addedToCorpus') : t('alreadyInCorpus'));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  function openFull() {
    if (tabId === null) return;
    const url = browser.runtime.getURL(`compare.html?tab=${tabId}${chosen ? `&doc=${encodeURIComponent(chosen)}` : ''}`);
    void browser.tabs.create({ url });
    window.close();
  }

  const doc = selected ? docs.get(selected) : undefined;
  const keptAlready = matches.some((m) => m.relation === 'same' && docs.get(m.id)?.origin === 'user');
  const keepButton =
    tabId !== null && !keptAlready ? (
      <button type="button" onClick={keepPage} disabled={busy} data-testid="add-to-corpus">
        {t('addToCorpus')}
      </button>
    ) : null;

  return (
    <main class="popup">
      <header class="bar">
        <img src="icons/icon-32.png" alt="" width={20} height={20} />
        <h1>{t('extName')}</h1>
        <a class="options-link" href="options.html" target="_blank" rel="noopener">{t('options')}</a>
      </header>
      <div role="status" aria-live="polite" class="live">
        {verdict === undefined && !error && <p class="status">{t('loading')}</p>}
        {verdict?.status === 'analysing' && <p class="status">{t('analysing')}</p>}
        {kept && <p class="notice ok" data-testid="corpus-status">{kept}</p>}
      </div>
      {error && <p class="error" role="alert">{t('errorPrefix', error)}</p>}
      {verdict === null && (
        <section class="empty-state" data-testid="no-versions">
          <p>{tabId === null ? t('noTab') : t('notSeen')}</p>
          {tabId !== null && (
            <div class="actions">
              <button type="button" onClick={() => void analyse()}>{t('analyseAnyway')}</button>
              {keepButton}
            </div>
          )}
        </section>
      )}
      {verdict?.status === 'error' && <p class="error" role="alert">{t('errorPrefix', verdict.problem ? errorText(new ReplyError(verdict.error ?? '', verdict.problem)) : (verdict.error ?? ''))}</p>}
      {verdict?.status === 'done' && matches.length === 0 && (
        <section class="empty-state" data-testid="no-versions">
          <p>{whyNoVersions(verdict)}</p>
          <div class="actions">{keepButton}</div>
          {verdict.extraction && <ExtractedView verdict={verdict} />}
        </section>
      )}
      {matches.length > 0 && (
        <>
          <p class="verdict" data-testid="verdict">
            {target ? `${target.text}${target.id && figures ? verdictFigures(readAgainst(figures, relationOf(target.id))) : ''}` : ''}
          </p>
          {!changesOnly && provenance && <ProvenanceLine provenance={provenance} />}
          {!changesOnly && <VersionList matches={matches} docs={docs} selected={selected} onSelect={setChosen} originalId={provenance?.original ?? null} />}
          {selected && !comparison && !error && <p class="status">{t('comparing')}</p>}
          {comparison && (
            <>
              <div class="toolbar" role="toolbar" aria-label={t('toolbarLabel')}>
                <button type="button" aria-pressed={changesOnly} onClick={() => setChangesOnly(!changesOnly)} data-testid="popup-changes-only">{t('onlyChanges')}</button>
                <button type="button" onClick={() => step(-1)} disabled={stops.length === 0} data-testid="popup-prev-change">{t('prevChange')}</button>
                <button type="button" onClick={() => step(1)} disabled={stops.length === 0} data-testid="popup-next-change">{t('nextChange')}</button>
                <span class="meta" data-testid="popup-change-count" data-count={stops.length}>
                  {current >= 0 ? t('changeAt', current + 1, stops.length) : t('edits', stops.length)}
                </span>
              </div>
              {comparison.degraded && <p class="notice" role="status">{t('degraded')}</p>}
              <DiffTable comparison={comparison} labels={[doc?.title ?? selected ?? '', t('thisPage')]} onlyChanges={changesOnly} current={stops[current]?.row ?? -1} editRows={editRows} />
              {changesOnly ? <EditList groups={groups} rows={[comparison.rows]} stops={stops} current={current} onJump={jump} /> : <Outside comparison={comparison} />}
            </>
          )}
          <footer class="actions">
            <button type="button" onClick={openFull} data-testid="open-full">{t('openFull')}</button>
            {keepButton}
          </footer>
          {verdict?.extraction && <ExtractedView verdict={verdict} />}
        </>
      )}
    </main>
  );
}

applyTheme();
render(<Popup />, document.getElementById('app')!);
