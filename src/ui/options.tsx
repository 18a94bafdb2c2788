// Options page: the corpus the extension matches against.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { send, type DocInfo } from '../messages';
import { applyTheme, t } from './i18n';

function Options() {
  const [docs, setDocs] = useState<DocInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    send('listDocs').then(setDocs, (e: Error) => setError(e.message));
  }, []);
  return (
    <main class="options-view">
      <header class="bar">
        <img src="icons/icon-32.png" alt="" width={24} height={24} />
        <h1>{t('extName')} · {t('options')}</h1>
      </header>
      {error && <p class="error" role="alert">{t('errorPrefix', error)}</p>}
      <h2>{t('bundledCorpus')}</h2>
      <table class="docs">
        <tbody>
          {docs?.map((d) => (
            <tr key={d.id} data-testid="corpus-doc" data-doc-id={d.id}>
              <td>{d.title}</td>
              <td class="meta">{[d.site, d.date?.slice(0, 10), d.lang].filter(Boolean).join(' · ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}

applyTheme();
render(<Options />, document.getElementById('app')!);
