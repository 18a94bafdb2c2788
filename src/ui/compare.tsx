// The full-page comparison view, in its own tab. With the original, an edited version and a
// translation in the family it shows all three side by side (original | version | translation);
// otherwise, or when the reader picks one version, that version beside the page. Next/previous
// change by buttons and keys (n/j, p/k), a strip of change marks along the side, toggles for noise
// folding, granularity and changed rows only, the edit list (each entry jumps to its row), the
// family's timeline, and exports (HTML, Markdown, JSON, clipboard).
// compare.html?tab=<tabId>[&doc=<id>] for a page, compare.html?a=<id>&b=<id> for two corpus articles.
import { render } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { send, type DocInfo, type TabVerdict } from '../messages';
import type { Provenance, ProvenanceEntry } from '../core/compare/provenance';
import type { Comparison } from '../core/types';
import { DiffTable, Outside } from './components/DiffTable';
import { ThreeWayTable } from './components/ThreeWayTable';
import { useDocsOf, VersionList } from './components/VersionList';
import { Timeline, entryName } from './components/Provenance';
import { EditList } from './components/EditList';
import { editStops, stepStop, type EditGroup } from './stops';
import { ChangeStrip } from './components/ChangeStrip';
import { download, exportFile, type ExportKind } from './export';
import { applyTheme, t, uiLang } from './i18n';
import { errorText } from './problem';
import { reportWords } from './report-words';
import { planThreeWay, threeRowOf, threeWayRows, type ThreePlan } from './three-way';
import { docLabel, readAgainst, verdictFigures, verdictTarget, type Reading } from './verdict';
import { PageText } from './components/PageText';

const params = new URLSearchParams(location.search);
const tabParam = params.get('tab');
const tabId = tabParam !== null && /^\d+$/.test(tabParam) ? Number(tabParam) : null;
// the time of the tab's verdict shown (v=): the worker keeps it for the session after the tab moves on
const vParam = params.get('v');
let updated: number | undefined = vParam !== null && /^\d{1,16}$/.test(vParam) ? Number(vParam) : undefined;

interface Shown {
  mode: 'two' | 'three';
  comparisons: Comparison[];
  /** How the comparisons shown were diffed (the toggle may be ahead of them while they load). */
  granularity: 'char' | 'word';
  /** Two columns of a page quoting the version: the passages it quotes. */
  quotes?: Reading['quotes'];
}

interface ExportStatus {
  kind: ExportKind | 'clipboard';
  name: string;
  bytes: number;
  href: string | null;
}

/** Column heading of a family member: its role and name ("Original · 光明网 · 2022-04-25", "Translation · this page"). */
function columnLabel(role: 'colOriginal' | 'colVersion' | 'colTranslation', e: ProvenanceEntry): string {
  return `${t(role)} · ${e.page ? `${t('thisPage')} (${entryName(e)})` : entryName(e)}`;
}

/** One side of a planned three-way comparison: the page itself when the member is the page, else its corpus text. */
function compareMember(original: ProvenanceEntry, member: ProvenanceEntry, fold: boolean, foldScript: boolean, granularity: 'char' | 'word'): Promise<Comparison> {
  if (member.page && tabId !== null) return send('compareWithPage', { tabId, updated, docId: original.id, granularity, foldNoise: fold, foldScript });
  return send('compareDocs', { a: original.id, b: member.id, granularity, foldNoise: fold, foldScript });
}

/** Exports speak the interface's language and name the sides as the view does. */
const wordsOf = (c: Comparison) => reportWords(c, t, uiLang);

function CompareView() {
  const [verdict, setVerdict] = useState<TabVerdict | null>(null);
  const [docs, setDocs] = useState<Map<string, DocInfo>>(new Map());
  const [provenance, setProvenance] = useState<Provenance | null>(null);
  const [ready, setReady] = useState(false);
  const [docId, setDocId] = useState<string | null>(params.get('doc'));
  // three columns when asked for, or by default when the page is the translation
  const [wantThree, setWantThree] = useState<boolean | null>(params.get('three') === '1' ? true : params.get('three') === '0' || params.get('doc') ? false : null);
  const [fold, setFold] = useState(true);
  const [foldScript, setFoldScript] = useState(true);
  // by words by default, as the popup and the CLI compare: the same page gets the same count everywhere
  const [granularity, setGranularity] = useState<'char' | 'word'>(params.get('g') === 'char' ? 'char' : 'word');
  const [onlyChanges, setOnlyChanges] = useState(false);
  const [shown, setShown] = useState<Shown | null>(null);
  const [loading, setLoading] = useState(false);
  const [current, setCurrentState] = useState(-1);
  // the stop n/p step from, current at once: a key pressed before the next render
  // (a fast reader, a busy page) steps on from the stop just reached, not from the one before
  const currentNow = useRef(-1);
  const setCurrent = (k: number) => {
    currentNow.current = k;
    setCurrentState(k);
  };
  const [announce, setAnnounce] = useState('');
  const [exported, setExported] = useState<ExportStatus | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void (async () => {
      try {
        setDocs(new Map((await send('listDocs')).map((d) => [d.id, d])));
        if (tabId !== null) {
          const v = await send('getVerdict', tabId, updated);
          if (v) updated = v.updated;
          setVerdict(v);
          if (v?.status === 'done' && v.report && v.report.matches.length > 0) setProvenance(await send('getProvenance', tabId, updated));
        }
      } catch (e) {
        setError(errorText(e));
      } finally {
        setReady(true);
      }
    })();
  }, []);

  const matches = verdict?.report?.matches ?? [];
  useDocsOf(matches, docs, setDocs);
  const plan: ThreePlan | null = useMemo(() => (provenance ? planThreeWay(provenance) : null), [provenance]);
  const three = plan !== null && (wantThree ?? plan.translation.page === true);
  const target = verdictTarget(matches, provenance, docs);
  // two columns: the chosen version, else the one the verdict measures against, else the closest other
  const twoDoc = docId ?? target?.id ?? (matches.find((m) => m.relation !== 'same') ?? matches[0])?.id ?? null;

  useEffect(() => {
    if (!ready) return;
    const a = params.get('a');
    const b = params.get('b');
    let request: Promise<Shown> | null = null;
    if (three && plan) {
      request = Promise.all([
        compareMember(plan.original, plan.version, fold, foldScript, granularity),
        compareMember(plan.original, plan.translation, fold, foldScript, granularity),
      ]).then((comparisons) => ({ mode: 'three', comparisons, granularity }));
    } else if (tabId !== null && twoDoc) {
      // an excerpt is read as the passages it quotes
      const relation = matches.find((m) => m.id === twoDoc)?.relation;
      request = send('compareWithPage', { tabId, updated, docId: twoDoc, granularity, foldNoise: fold, foldScript }).then((c) => {
        const r = readAgainst(c, relation);
        return { mode: 'two', comparisons: [r.comparison], granularity, quotes: r.quotes };
      });
    } else if (a && b) {
      request = send('compareDocs', { a, b, granularity, foldNoise: fold, foldScript }).then((c) => ({ mode: 'two', comparisons: [c], granularity }));
    }
    if (!request) return;
    setLoading(true);
    request.then(
      (s) => {
        setShown(s);
        setCurrent(-1);
        setLoading(false);
      },
      (e: unknown) => {
        setError(errorText(e));
        setLoading(false);
      },
    );
  }, [ready, three, twoDoc, fold, foldScript, granularity]);

  // the view's state is in its URL: reloaded or shared, it shows the same comparison
  useEffect(() => {
    const next = new URLSearchParams(location.search);
    const set = (key: string, value: string | null) => (value === null ? next.delete(key) : next.set(key, value));
    set('doc', docId);
    set('v', verdict ? String(verdict.updated) : next.get('v'));
    set('three', wantThree === null ? null : wantThree ? '1' : '0');
    set('g', granularity === 'char' ? 'char' : null);
    history.replaceState(null, '', `?${next.toString()}${location.hash}`);
  }, [docId, wantThree, granularity, verdict]);

  const threeRows = useMemo(() => (shown?.mode === 'three' ? threeWayRows(shown.comparisons[0]!, shown.comparisons[1]!) : null), [shown]);
  const two = shown?.mode === 'two' ? shown.comparisons[0]! : null;
  // every edit of the comparisons shown is one stop: counted once, stepped through by n/p
  const editGroups: EditGroup[] = useMemo(
    () =>
      !shown
        ? []
        : threeRows
          ? [
              { title: t('editsVersion'), edits: shown.comparisons[0]!.edits, rowOf: (e) => (e.row === undefined ? undefined : threeRowOf(threeRows, 'same', e.row)) },
              { title: t('editsTranslation'), edits: shown.comparisons[1]!.edits, rowOf: (e) => (e.row === undefined ? undefined : threeRowOf(threeRows, 'trans', e.row)) },
            ]
          : [{ title: '', edits: shown.comparisons[0]!.edits, rowOf: (e) => e.row }],
    [shown, threeRows],
  );
  const { stops, editRows } = useMemo(() => editStops(editGroups, threeRows ? threeRows.length : (two?.rows.length ?? 0)), [editGroups]);
  const stopRows = useMemo(() => stops.map((s) => s.row), [stops]);
  const currentRow = stops[current]?.row ?? -1;

  function jump(k: number) {
    const stop = stops[k];
    if (!stop) return;
    setCurrent(k);
    setAnnounce(t('changeAt', k + 1, stops.length));
    history.replaceState(null, '', `#row-${stop.row}`);
    // after the render that marks the row (and shows it, when only changed rows are listed)
    requestAnimationFrame(() => document.getElementById(`row-${stop.row}`)?.scrollIntoView({ block: 'center' }));
  }

  const go = (by: 1 | -1) => jump(stepStop(currentNow.current, stops.length, by));

  // a link to one change (#row-N) opens on it
  useEffect(() => {
    const m = /^#row-(\d+)$/.exec(location.hash);
    if (!m || current >= 0) return;
    const k = stops.findIndex((s) => s.row === Number(m[1]));
    if (k >= 0) jump(k);
  }, [stops]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const el = e.target as HTMLElement | null;
      if (el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.isContentEditable)) return;
      if (e.key === 'n' || e.key === 'j') go(1);
      else if (e.key === 'p' || e.key === 'k') go(-1);
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  });

  function doExport(kind: ExportKind) {
    if (!shown) return;
    try {
      const file = exportFile(kind, shown.comparisons, wordsOf);
      const href = download(file);
      setExported({ kind, name: file.name, bytes: new Blob([file.text]).size, href });
    } catch (e) {
      setError(errorText(e));
    }
  }

  async function copyMarkdown() {
    if (!shown) return;
    const file = exportFile('md', shown.comparisons, wordsOf);
    try {
      await navigator.clipboard.writeText(file.text);
      setExported({ kind: 'clipboard', name: file.name, bytes: new Blob([file.text]).size, href: null });
    } catch (e) {
      setError(t('copyFailed', (e as Error).message));
    }
  }

  function chooseVersion(id: string) {
    setDocId(id);
    setWantThree(false);
  }

  const twoDocInfo = twoDoc ? docs.get(twoDoc) : undefined;
  /** The comparison shown that measures the page against the verdict's version, if one is. */
  const figuresOf = (): Reading | null => {
    if (!shown || !target?.id) return null;
    if (two) return target.id === twoDoc ? { comparison: two, quotes: shown.quotes ?? null } : null;
    if (!plan || plan.original.id !== target.id) return null;
    const c = plan.version.page ? shown.comparisons[0]! : plan.translation.page ? shown.comparisons[1]! : null;
    return c ? { comparison: c, quotes: null } : null;
  };
  const layoutKey = `${shown?.mode}:${fold}:${foldScript}:${granularity}:${onlyChanges}:${stops.length}`;

  return (
    <main class="compare-view">
      <header class="bar">
        <img src="icons/icon-32.png" alt="" width={24} height={24} />
        <h1>{t('extName')}</h1>
        <PageText class="meta">{verdict?.title ?? ''}</PageText>
      </header>
      {error && <p class="error" role="alert">{t('errorPrefix', error)}</p>}
      {target && (
        <p class="verdict" data-testid="verdict">
          {target.text}
          {verdictFigures(figuresOf())}
        </p>
      )}
      {(provenance || matches.length > 0) && (
        <details class="family">
          <summary>
            {t('familyLabel')} · {t('familyCount', matches.length + 1)}
          </summary>
          <div class="family-body">
            {provenance && <Timeline provenance={provenance} onSelect={chooseVersion} />}
            {matches.length > 0 && <VersionList matches={matches} docs={docs} selected={three ? null : twoDoc} onSelect={chooseVersion} originalId={provenance?.original ?? null} />}
          </div>
        </details>
      )}
      <div class="toolbars">
        <div class="toolbar" role="toolbar" aria-label={t('toolbarLabel')}>
          {plan && (
            <button type="button" aria-pressed={three} onClick={() => setWantThree(!three)} data-testid="toggle-three">
              {t('threeVersions')}
            </button>
          )}
          <button type="button" onClick={() => go(-1)} data-testid="prev-change" aria-keyshortcuts="p k">{t('prevChange')}</button>
          <button type="button" onClick={() => go(1)} data-testid="next-change" aria-keyshortcuts="n j">{t('nextChange')}</button>
          <button type="button" aria-pressed={fold} onClick={() => setFold(!fold)} data-testid="toggle-fold">{t('foldNoise')}</button>
          <button type="button" aria-pressed={foldScript} onClick={() => setFoldScript(!foldScript)} data-testid="toggle-fold-script">{t('foldScript')}</button>
          <button type="button" aria-pressed={granularity === 'word'} onClick={() => setGranularity(granularity === 'char' ? 'word' : 'char')} data-testid="toggle-granularity">
            {t('byWords')}
          </button>
          <button type="button" aria-pressed={onlyChanges} onClick={() => setOnlyChanges(!onlyChanges)} data-testid="toggle-only-changes">{t('onlyChanges')}</button>
          <span class="meta" data-testid="change-count" data-count={stops.length}>
            {threeRows ? t('changeCountThree', editGroups[0]!.edits.length, editGroups[1]!.edits.length) : t('edits', stops.length)}
          </span>
        </div>
        <div class="toolbar exports" role="toolbar" aria-label={t('exportLabel')}>
          <span class="meta">{t('exportLabel')}</span>
          <button type="button" disabled={!shown} onClick={() => doExport('html')} data-testid="export-html">{t('exportHtml')}</button>
          <button type="button" disabled={!shown} onClick={() => doExport('md')} data-testid="export-md">{t('exportMarkdown')}</button>
          <button type="button" disabled={!shown} onClick={() => doExport('json')} data-testid="export-json">{t('exportJson')}</button>
          <button type="button" disabled={!shown} onClick={() => void copyMarkdown()} data-testid="copy-md">{t('copyMarkdown')}</button>
          <span class="meta keys">{t('keysHint')}</span>
        </div>
        <div role="status" aria-live="polite" class="live">
          {loading && <span class="status">{t('comparing')}</span>}
          {announce && <span class="status" data-testid="current-change">{announce}</span>}
          {exported && (
            <span class="status" data-testid="last-export" data-kind={exported.kind} data-bytes={exported.bytes} data-href={exported.href ?? ''}>
              {exported.kind === 'clipboard' ? t('copied', exported.bytes) : t('exported', exported.name, Math.max(1, Math.round(exported.bytes / 1024)))}
            </span>
          )}
        </div>
      </div>
      {ready && tabId !== null && !verdict && <p class="notice">{t('notSeen')}</p>}
      {shown?.comparisons.some((c) => c.degraded) && <p class="notice" role="status">{t('degraded')}</p>}
      <div class="layout">
        <section class="table-area" aria-label={t('comparisonLabel')} data-granularity={shown?.granularity}>
          {shown && threeRows && plan && (
            <ThreeWayTable
              same={shown.comparisons[0]!}
              trans={shown.comparisons[1]!}
              rows={threeRows}
              labels={[columnLabel('colOriginal', plan.original), columnLabel('colVersion', plan.version), columnLabel('colTranslation', plan.translation)]}
              onlyChanges={onlyChanges}
              current={currentRow}
              editRows={editRows}
            />
          )}
          {two && (
            <>
              <DiffTable
                comparison={two}
                labels={[twoDocInfo ? `${two.a.title} (${docLabel(twoDocInfo)})` : two.a.title, verdict ? t('thisPage') : two.b.title]}
                onlyChanges={onlyChanges}
                current={currentRow}
                editRows={editRows}
              />
              <Outside comparison={two} />
            </>
          )}
        </section>
        {shown && (
          <aside class="side">
            <EditList groups={editGroups} rows={shown.comparisons.map((c) => c.rows)} stops={stops} current={current} onJump={jump} />
          </aside>
        )}
      </div>
      {shown && <ChangeStrip stopRows={stopRows} current={currentRow} onJump={jump} layoutKey={layoutKey} />}
    </main>
  );
}

applyTheme();
render(<CompareView />, document.getElementById('app')!);
