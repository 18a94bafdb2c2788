// Writes the demo and test pages in tests/fixtures/pages from the corpus articles, each dressed as
// a portal would show it (navigation, sidebar ads, comments, footer). Run after changing the corpus:
// node scripts/make-demo-pages.mjs. npm start opens reprint-002.html; the browser tests use them all.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const corpus = (prefix) => {
  const name = { '000': '000_3e0ed82598e826fe', '001': '001_ca89d907f43c97a4', '002': '002_0e89e667d319eb52' }[prefix];
  return readFileSync(`assets/corpus/${name}.txt`, 'utf8');
};
const lines = (text) => text.split('\n').map((l) => l.trim()).filter(Boolean);
const HEADINGS = new Set(['智算筑牢数字政府底座', '云数共生支撑政务互通', '智慧大脑让城市运行更智慧', '智能政务让“数据多跑路、群众少跑腿”']);
const paras = (ls) => ls.map((l) => (HEADINGS.has(l) ? `<h3>${esc(l)}</h3>` : `<p>${esc(l)}</p>`)).join('\n');

function portal({ lang, title, siteTitle, meta, info, article, script = '' }) {
  const zh = lang.startsWith('zh');
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<title>${esc(title)}${siteTitle}</title>
${meta}
<style>body{font-family:sans-serif;max-width:1100px;margin:auto;display:grid;grid-template-columns:1fr 260px;gap:24px;padding:0 12px} nav,footer{grid-column:1/3;background:#eee;padding:8px} aside{font-size:13px;color:#555} .ad{background:#fafae0;border:1px dashed #cc9;padding:12px}</style>
</head>
<body>
<nav>${zh ? '<a href="/">首页</a> | <a href="/news">新闻</a> | <a href="/tech">科技</a> | <a href="/gov">政务</a> | <a href="/about">关于我们</a>' : '<a href="/">Home</a> | <a href="/world">World</a> | <a href="/tech">Tech</a> | <a href="/about">About us</a>'}</nav>
<article id="main">
${article ? `<h1>${esc(title)}</h1>\n<div class="info">${info}</div>\n${article}` : ''}
</article>
<aside>
<div class="ad">${zh ? '广告:云服务器限时特惠,新用户首年1折起' : 'Advertisement: cloud servers, 90% off the first year'}</div>
<h4>${zh ? '热门文章' : 'Most read'}</h4>
<ul>${zh ? '<li><a href="/a/1">新能源汽车下乡活动启动</a></li><li><a href="/a/2">春季养生的五个小窍门</a></li><li><a href="/a/3">世界杯预选赛最新积分榜</a></li>' : '<li><a href="/a/1">Ten tips for spring gardening</a></li><li><a href="/a/2">Local team wins the cup</a></li>'}</ul>
</aside>
<footer>
<div class="comments"><h4>${zh ? '网友评论' : 'Comments'}</h4>${zh ? '<p>用户123:写得好。</p><p>用户456:希望我们这里也能早点实现一网通办。</p>' : '<p>reader42: Interesting read.</p>'}</div>
<p>Copyright © ${zh ? '版权所有 | 联系我们 | 网站地图' : 'All rights reserved | Contact | Sitemap'}</p>
</footer>
${script}
</body>
</html>
`;
}

mkdirSync('tests/fixtures/pages', { recursive: true });
const zhMeta = '<meta name="keywords" content="数字政府,人工智能,政务服务">\n<meta property="og:type" content="article">';

// 002 as the reprinting site shows it: its clutter and the two articles it appended
const r002 = lines(corpus('002')).slice(3);
writeFileSync('tests/fixtures/pages/reprint-002.html', portal({
  lang: 'zh-CN', title: '紧抓人工智能产业机遇 加强数字政府建设', siteTitle: '_博舍', meta: zhMeta,
  info: '发布时间:2022-04-26 09:12 来源:博舍', article: paras(r002),
}));

// 000's text as the original site shows it
const body000 = corpus('000').split('---')[2].split('<http')[0];
const ps000 = [...body000.matchAll(/<p[^>]*>(.*?)<\/p>/gs)].map((m) => m[1].replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').trim());
writeFileSync('tests/fixtures/pages/original-000.html', portal({
  lang: 'zh-CN', title: '加强数字政府建设，浪潮提供技术支撑', siteTitle: '_光明网', meta: zhMeta,
  info: '2022-04-25 10:56 来源：光明网', article: paras(ps000),
}));

// the English translation
writeFileSync('tests/fixtures/pages/translation-001.html', portal({
  lang: 'en', title: 'Strengthening digital government construction, Inspur provides technical support', siteTitle: ' | China News Digest',
  meta: '<meta name="keywords" content="digital government, e-government, smart city">\n<meta property="og:type" content="article">',
  info: 'April 26, 2022', article: paras(lines(corpus('001'))),
}));

// 000's article arriving one second after load, inserted by the page's own script
const delayed = JSON.stringify(paras(ps000)).replace(/</g, '\\u003c');
writeFileSync('tests/fixtures/pages/delayed-000.html', portal({
  lang: 'zh-CN', title: '加强数字政府建设，浪潮提供技术支撑', siteTitle: '_光明网', meta: '', info: '', article: '',
  script: `<script>setTimeout(function () { document.getElementById('main').innerHTML = '<h1>加强数字政府建设，浪潮提供技术支撑</h1>' + ${delayed}; }, 1000);</script>`,
}));

// a news page with no version in the corpus
writeFileSync('tests/fixtures/pages/unrelated.html', portal({
  lang: 'en', title: 'Harbour town bakery celebrates 100 years of sourdough', siteTitle: ' | Coastal Gazette', meta: '<meta property="og:type" content="article">',
  info: 'By Jane Doe, May 2, 2022',
  article: paras([
    'The Miller family bakery on Harbour Street opened its doors in 1922 and has baked sourdough every morning since, through two wars, three floods and a fire that took the roof in 1961.',
    'Fourth-generation baker Ruth Miller still uses a starter that her great-grandmother brought from the old country. "It is older than anyone in this town," she said, laughing, as she shaped the first loaves at four in the morning.',
    'The centenary weekend drew more than two thousand visitors, who queued around the block for free slices and a look at the original brick oven, which the family restored last winter.',
    'Town councillors presented the family with a plaque, and the local school choir sang outside the shop on Saturday afternoon. Ruth says the bakery will stay in the family: her nephew starts his apprenticeship in September.',
  ]),
}));
console.log('demo pages written');
