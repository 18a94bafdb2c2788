// Photo credits and captions in the body: a picture's line of text, not the article's. News pages put
// a credit under every picture ("Photo: Damian Dovarganes, AP", "Alex Wong | Getty Images",
// "Image copyright Getty Images", "（新华社记者 张三 摄）"), and wire pages open with the lead
// picture's caption ("FILE PHOTO: Traders work on the floor … REUTERS/Brendan McDermid"). Readability
// keeps them as paragraphs; a reader of the story skips them, and a reprint that drops the picture
// did not cut a sentence. Only lines that are a credit through and through, or a caption marked as
// one, are taken out: marked by its words (FILE PHOTO:, 图为) or by the page's markup (<figcaption>,
// class="caption", pic_txt: markedCaptions). A sentence that mentions a photo stays.
import { paragraphsOf } from './paragraphs';

/** Longest line taken for a bare credit. */
const CREDIT_MAX = 80;
/** Longest line taken for a marked caption (FILE PHOTO: …, 图为…). */
const CAPTION_MAX = 300;

/** Agencies and picture desks whose name closes a credit line. */
const AGENCY = /(?:Getty Images|AP|Associated Press|AP Photo|Reuters|REUTERS|AFP|EPA|Bloomberg|Shutterstock|Alamy|iStock|Xinhua)$/;
/** A credit's opening words: Photo: …, Photos by …, Image copyright …, Credit: … */
const CREDIT_OPENING = /^[(（[]?\s*(?:photos?|images?|pictures?|photograph|credit|source: getty)\s*(?::|by\b|copyright\b|credit\b)/i;
/** A Chinese photographer's credit, alone in brackets or at the end: （新华社记者 张三 摄）, 张三 摄. */
const ZH_CREDIT = /^[(（]?\s*(?:[\p{Script=Han}]{0,8}记者\s*)?[\p{Script=Han}·]{2,4}(?:\s+[\p{Script=Han}·]{2,4})*\s*摄\s*[)）]?$/u;
/** A caption marked as one: FILE PHOTO:, 图为, 图：, ▲ (the lead picture of wire and portal pages). */
const MARKED_CAPTION = /^(?:FILE PHOTO\s*[:：]|图为|图\s*[:：]|图片\s*[:：]|▲)/;
/** The wire's photographer tag closing a caption: REUTERS/Brendan McDermid, (AP Photo/Alan Diaz). */
const PHOTOGRAPHER_TAG = /(?:REUTERS\/[A-Z][\w.' -]+|\(AP Photo\/[^)]+\))\s*$/;

/**
 * An English caption closing on its credit: … Photo: Jonathan Nackstrand/AFP, … (Photo: Getty Images).
 * A Chinese caption closing on 新华社记者 才扬 摄 stays: on a photo story (图片新闻) it is the text itself
 * (trafilatura's truth for a xinhuanet page counts it as article text).
 */
const EN_CREDIT_END = /(?:\bPhoto(?:graph)?\s*(?:by\b|:)\s*[^.]{2,60}|\((?:Photo|Image)s?\s*:\s*[^)]{2,60}\))\s*$/;
/** Longest line taken for a caption closing on its credit. */
const CREDITED_CAPTION_MAX = 200;

/** Whether a paragraph is a picture's credit or a marked caption, not the article's text. */
export function isPhotoLine(p: string): boolean {
  const line = p.trim();
  if (line.length <= CREDIT_MAX) {
    const bare = line.replace(/^[(（[]\s*|\s*[)）\]]$/g, '');
    if (CREDIT_OPENING.test(line) || ZH_CREDIT.test(line)) return true;
    // "Alex Wong | Getty Images", "Sakib Ali/Hindustan Times/Getty Images", "Getty Images"
    if (AGENCY.test(bare) && !/[.!?。！？]\s/.test(bare) && bare.split(/\s+/).length <= 8) return true;
  }
  if (line.length <= CREDITED_CAPTION_MAX && EN_CREDIT_END.test(line)) return true;
  return line.length <= CAPTION_MAX && (MARKED_CAPTION.test(line) || PHOTOGRAPHER_TAG.test(line));
}

/**
 * A class name a page marks a picture's caption with: caption, wp-caption-text, image-caption,
 * pic_txt, img-desc, photo-text … (one word of the class list; "wp-featherlight-captions" on a
 * page's <body> is a feature's switch, not a caption).
 */
const CAPTION_CLASS = /^(?:[a-z0-9]+[_-])*(?:fig)?(?:caption|(?:pic|img|image|photo|picture)[_-]?(?:txt|text|desc|descr|info|note|intro))(?:[_-][a-z0-9]+)?$/i;
/** Elements looked at, at most, on a huge page. */
const MAX_MARKED = 2000;
/** Text a caption element holds at most: a bigger element marked so is a container. */
const MARKED_MAX = 400;

const isMarked = (e: Element): boolean => (e.getAttribute('class') ?? '').split(/\s+/).some((c) => CAPTION_CLASS.test(c));

/**
 * The lines of the page's marked captions: <figcaption>, and small elements whose class names one
 * (<p class="caption"> under a BBC picture, <div class="pic_txt"> on a portal). Readability keeps
 * them in the body (it drops the class names); a line of the body that is one of these is a
 * picture's, not the story's.
 */
export function markedCaptions(doc: Document): Set<string> {
  const out = new Set<string>();
  const els = [...Array.from(doc.getElementsByTagName('figcaption')), ...Array.from(doc.querySelectorAll('[class]')).filter(isMarked)];
  for (const el of els.slice(0, MAX_MARKED)) {
    if ((el.textContent ?? '').trim().length > MARKED_MAX) continue;
    for (const l of paragraphsOf(el)) if (l.length <= CAPTION_MAX) out.add(l);
  }
  return out;
}
