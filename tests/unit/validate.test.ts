// The background's gate: every message's arguments are checked and copied (validateArgs), and
// every sender is checked against the kind of message it sends (senderAllowed). Whatever a page,
// another extension or a compromised renderer sends, the answer is InvalidMessage with a readable
// reason, never a crash, and nothing unchecked gets through.
import { describe, expect, it } from 'vitest';
import { InvalidMessage, senderAllowed, validateArgs, type SenderLike } from '../../src/background/validate';
import type { MessageName } from '../../src/messages';

const good: Record<string, unknown[]> = {
  pageChecked: [{ url: 'https://example.com/a', title: 't', candidate: true, reasons: ['meta: 数字政府 x1'], revision: 1 }],
  pageSnapshot: [{ url: 'https://example.com/a', html: '<p>x</p>', truncated: false, ms: 3 }],
  getVerdict: [7],
  analyseTab: [7],
  compareWithPage: [{ tabId: 7, docId: '000_3e0ed82598e826fe', granularity: 'word', foldNoise: false }],
  compareDocs: [{ a: '000', b: '002' }],
  listDocs: [],
};

describe('validateArgs', () => {
  it.each(Object.entries(good))('accepts a well-formed %s', (name, args) => {
    expect(() => validateArgs(name as MessageName, args)).not.toThrow();
  });

  it('takes a verdict time after a tab id, absent or null (as Chromium sends an undefined argument) meaning the current verdict', () => {
    expect(validateArgs('getVerdict', [7, 1_700_000_000_000])).toEqual([7, 1_700_000_000_000]);
    expect(validateArgs('getVerdict', [7, null])).toEqual([7]);
    expect(validateArgs('getProvenance', [7])).toEqual([7]);
    expect(validateArgs('compareWithPage', [{ tabId: 7, updated: 1_700_000_000_000, docId: '000' }])[0]).toMatchObject({ tabId: 7, updated: 1_700_000_000_000 });
  });

  it('copies only the fields it knows: extra fields, prototypes and getters do not survive', () => {
    const hostile = JSON.parse('{"url":"https://x/","html":"<p>x</p>","truncated":false,"ms":1,"__proto__":{"polluted":true},"extra":"x"}');
    const [snap] = validateArgs('pageSnapshot', [hostile]);
    expect(Object.keys(snap)).toEqual(['url', 'html', 'truncated', 'ms', 'parts']);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  const long = (n: number) => 'x'.repeat(n);
  const sparse: unknown[] = ['a'];
  sparse[3] = 'b'; // holes at 1 and 2
  const CASES: [string, MessageName, unknown[], RegExp][] = [
    ['arguments that are not a list', 'getVerdict', 'x' as unknown as unknown[], /list/],
    ['a tab id given as text', 'getVerdict', ['7'], /tab/],
    ['a negative tab id', 'getVerdict', [-1], /tab/],
    ['a fractional tab id', 'analyseTab', [1.5], /tab/],
    ['an absurd tab id', 'analyseTab', [2 ** 53], /tab/],
    ['no tab id', 'getVerdict', [], /tab/],
    ['a verdict time given as text', 'getVerdict', [7, '1700000000000'], /updated/],
    ['a negative verdict time', 'getProvenance', [7, -5], /updated/],
    ['a fractional verdict time in a comparison', 'compareWithPage', [{ tabId: 7, updated: 1.5, docId: '000' }], /updated/],
    ['a request that is not an object', 'compareWithPage', [[7, '000']], /object/],
    ['a null request', 'compareDocs', [null], /object/],
    ['a path as a corpus id', 'compareDocs', [{ a: '../../manifest.json', b: '000' }], /corpus id/],
    ['markup as a corpus id', 'compareWithPage', [{ tabId: 1, docId: '<img src=x onerror=alert(1)>' }], /corpus id/],
    ['an empty corpus id', 'compareDocs', [{ a: '', b: '000' }], /corpus id/],
    ['an unknown granularity', 'compareDocs', [{ a: '000', b: '002', granularity: 'line' }], /granularity/],
    ['foldNoise as text', 'compareDocs', [{ a: '000', b: '002', foldNoise: 'yes' }], /foldNoise/],
    ['a page check without a revision', 'pageChecked', [{ ...(good.pageChecked![0] as object), revision: undefined }], /revision/],
    ['a page check with revision 0', 'pageChecked', [{ ...(good.pageChecked![0] as object), revision: 0 }], /revision/],
    ['a page check whose candidate is a string', 'pageChecked', [{ ...(good.pageChecked![0] as object), candidate: 'true' }], /candidate/],
    ['a page check with 51 reasons', 'pageChecked', [{ ...(good.pageChecked![0] as object), reasons: Array(51).fill('r') }], /reasons/],
    ['a page check with a title of 10 001 characters', 'pageChecked', [{ ...(good.pageChecked![0] as object), title: long(10_001) }], /title/],
    ['reasons that are not strings', 'pageChecked', [{ ...(good.pageChecked![0] as object), reasons: ['a', 2] }], /reasons\[1\]/],
    ['a sparse list of reasons', 'pageChecked', [{ ...(good.pageChecked![0] as object), reasons: sparse }], /reasons\[1\]/],
    ['a reason of 501 characters', 'pageChecked', [{ ...(good.pageChecked![0] as object), reasons: [long(501)] }], /reasons/],
    // an article built in the page was accepted once; the background now extracts from the page's copy itself
    ['pageExtracted, a message that no longer exists', 'pageExtracted' as MessageName, [{ url: 'u', isArticle: true, reasons: [], ms: 0 }], /unknown message/],
    ['a snapshot without html', 'pageSnapshot', [{ url: 'u', truncated: false, ms: 0 }], /html/],
    ['a snapshot of 6 000 001 characters', 'pageSnapshot', [{ url: 'u', html: long(6_000_001), truncated: false, ms: 0 }], /html/],
    ['a snapshot whose truncated flag is a number', 'pageSnapshot', [{ url: 'u', html: '', truncated: 1, ms: 0 }], /truncated/],
    ['a snapshot that is a string', 'pageSnapshot', ['<p>x</p>'], /object/],
    ['a message name not in the table', 'toString' as MessageName, [], /unknown message/],
    ['__proto__ as a message name', '__proto__' as MessageName, [], /unknown message/],
  ];
  it.each(CASES)('refuses %s with a reason', (_what, name, args, reason) => {
    let error: unknown;
    try {
      validateArgs(name, args);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidMessage);
    expect((error as Error).message).toMatch(/^invalid message: /);
    expect((error as Error).message).toMatch(reason);
  });

  it('keeps a finite, non-negative ms and makes anything else 0 (the benchmark reads it; nothing depends on it)', () => {
    for (const ms of [NaN, Infinity, -5, '12', null]) {
      expect(validateArgs('pageSnapshot', [{ url: 'u', html: '', truncated: false, ms }])[0].ms).toBe(0);
    }
  });
});

describe('senderAllowed', () => {
  const ID = 'ownid';
  const PAGES = 'chrome-extension://ownid/';
  const CASES: [string, 'page' | 'ui', SenderLike, boolean][] = [
    ['our content script in a web page', 'page', { id: ID, url: 'https://news.example/a', frameId: 0, tab: { id: 3 } }, true],
    ['our content script on plain http', 'page', { id: ID, url: 'http://127.0.0.1:8080/a', frameId: 0, tab: { id: 3 } }, true],
    ['our content script in a subframe', 'page', { id: ID, url: 'https://ads.example/frame', frameId: 5, tab: { id: 3 } }, false],
    ['a page message without a tab', 'page', { id: ID, url: 'https://news.example/a', frameId: 0 }, false],
    ['one of our own pages open in a tab, sending a page message', 'page', { id: ID, url: `${PAGES}compare.html?tab=3`, frameId: 0, tab: { id: 9 } }, false],
    ['a file: page', 'page', { id: ID, url: 'file:///home/x.html', frameId: 0, tab: { id: 3 } }, false],
    ['another extension', 'page', { id: 'otherid', url: 'https://news.example/a', frameId: 0, tab: { id: 3 } }, false],
    ['a sender without an id', 'ui', { url: `${PAGES}popup.html` }, false],
    ['our popup', 'ui', { id: ID, url: `${PAGES}popup.html?tab=3` }, true],
    ['our full view in a tab', 'ui', { id: ID, url: `${PAGES}compare.html?tab=3`, frameId: 0, tab: { id: 9 } }, true],
    ['our content script sending a UI message', 'ui', { id: ID, url: 'https://news.example/a', frameId: 0, tab: { id: 3 } }, false],
    ['a web page whose address starts like ours', 'ui', { id: ID, url: 'https://evil.example/chrome-extension://ownid/' }, false],
    ['another extension\'s page', 'ui', { id: 'otherid', url: 'chrome-extension://otherid/popup.html' }, false],
    ['a sender without a url', 'ui', { id: ID }, false],
  ];
  it.each(CASES)('%s (%s message): %s', (_what, kind, sender, allowed) => {
    expect(senderAllowed(kind, sender, ID, PAGES)).toBe(allowed);
  });
});
