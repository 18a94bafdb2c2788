// Pictures' credits and marked captions in an article body (src/extract/body/captions.ts): lines
// taken from real pages of ../shared/pages, and body sentences that mention a photo, which stay.
import { describe, expect, it } from 'vitest';
import { isPhotoLine } from '../../src/extract/body/captions';
import { parseHtml } from '../../src/cli/html';
import { extractArticle } from '../../src/extract/article';
import { corpusDoc } from '../fixtures/translation/corpus';

describe("a picture's line", () => {
  it.each([
    'Photo: Damian Dovarganes, AP',
    'Alex Wong | Getty Images',
    'Natalie Naccache | Bloomberg | Getty Images',
    'Sakib Ali/Hindustan Times/Getty Images',
    'Image copyright Getty Images',
    '(Image: gargantiopa / Getty Images)',
    'Photo by David Dyer-Bennet',
    'FILE PHOTO: Traders work on the floor at the New York Stock Exchange (NYSE) in New York, U.S., November 18, 2019. REUTERS/Brendan McDermid',
    'Vicente Aguiar loads garage door trims into his pickup truck outside a Home Depot in Hialeah, Fla. (AP Photo/Alan Diaz)',
    'The real state epidemiologist Anders Tegnell at one of the daily briefings. Photo: Jonathan Nackstrand/AFP',
    '（新华社记者 才扬 摄）',
    '图为北京城市副中心政务服务中心。',
  ])('%s is a credit or a caption', (line) => {
    expect(isPhotoLine(line)).toBe(true);
  });

  it.each([
    'Photos which were released online and are making the rounds on social media show the actress at a party in Lagos, and her fans were quick to respond.',
    'The agency said the photographs were taken by its own staff and sold to Getty Images and other agencies last year, which the court heard on Tuesday.',
    '新华社记者在现场看到，当地群众正在积极开展各项工作。',
    // a photo story's caption is its text (图片新闻): it stays, its credit with it
    '2月17日，在武汉血液中心，康复病人在献血浆时拍照留念。新华社记者 才扬 摄',
    '截至目前，全市共拍摄宣传片12部，覆盖各区县的政务服务中心。',
    'Getty Images said it would cut staff. The agency gave no figure.',
    'Reuters reported the figures on Monday, citing two people familiar with the matter, and the company declined to comment.',
  ])('%s stays in the body', (line) => {
    expect(isPhotoLine(line)).toBe(false);
  });

  it('is taken out of the extracted body, the story around it kept', () => {
    const doc = corpusDoc('000');
    const body = doc.paragraphs.filter((p) => p.length > 40);
    const html = `<html><head><title>${doc.title}</title></head><body><h1>${doc.title}</h1><div class="content">
      <p>图为浪潮智算中心机房。</p><p>（新华社记者 张三 摄）</p>${body.map((p) => `<p>${p}</p>`).join('')}</div></body></html>`;
    expect(extractArticle(parseHtml(html)).article.paragraphs).toEqual(body);
  });
});

describe('a caption the page marks as one', () => {
  const doc = corpusDoc('000');
  const body = doc.paragraphs.filter((p) => p.length > 40);
  const page = (inner: string, bodyClass = '') =>
    `<html><head><title>${doc.title}</title></head><body class="${bodyClass}"><h1>${doc.title}</h1><div class="content">${inner}</div></body></html>`;
  const text = body.map((p) => `<p>${p}</p>`).join('');
  it.each([
    // under a picture, unmarked by its words: only the markup says it is the picture's
    ['<p class="caption"> under the picture', `<div class="image"><img src="a.jpg"><p class="caption">浪潮智算中心的机房一角。</p></div>${text}`],
    ['a <figcaption>', `<figure><img src="a.jpg"><figcaption>浪潮智算中心的机房一角。</figcaption></figure>${text}`],
    ['a portal\'s pic_txt', `${body.slice(0, 2).map((p) => `<p>${p}</p>`).join('')}<div class="pic_txt">浪潮智算中心的机房一角。</div>${body.slice(2).map((p) => `<p>${p}</p>`).join('')}`],
    ['WordPress\'s wp-caption-text', `<div class="wp-caption"><img src="a.jpg"><p class="wp-caption-text">浪潮智算中心的机房一角。</p></div>${text}`],
  ])('%s is taken out', (_, inner) => {
    expect(extractArticle(parseHtml(page(inner))).article.paragraphs).toEqual(body);
  });

  it('a class that only mentions captions, or a big element marked so, takes nothing out', () => {
    // a feature switch on <body>; a container of the whole text
    expect(extractArticle(parseHtml(page(text, 'wp-featherlight-captions'))).article.paragraphs).toEqual(body);
    expect(extractArticle(parseHtml(page(`<div class="image-text">${text}</div>`))).article.paragraphs).toEqual(body);
  });

  it('on a photo story, where the captions are most of the text, they stay', () => {
    const captions = body.slice(0, 3).map((p) => `<figure><img src="a.jpg"><figcaption>${p}</figcaption></figure>`).join('');
    const paragraphs = extractArticle(parseHtml(page(`${captions}<p>${body[3]}</p>`))).article.paragraphs;
    expect(paragraphs).toEqual(body.slice(0, 4));
  });
});
