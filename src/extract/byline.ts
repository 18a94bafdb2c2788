// Who wrote the article, as a reader would read it off a Chinese news page: the credit near the
// headline or at the end of the body (本报记者 张三, 作者：李四, 文/王五, （记者 赵六）, 通讯员, 执笔人),
// a forum post's "某某 发表于 <date>", a blog footer's "由某某张贴 @ <date>", a name in brackets on
// the date line, a name alone under the headline; Taiwan's 記者陳曉華／台北報導 and the wire
// dateline （中央社記者陳曉華台北7日電）, Traditional lines read in Simplified and names given as
// written. The story's own credit lines at the opening of its body come first: a blog or forum
// reposting a news story names its poster above it (作者：流泉). 责任编辑/编辑 is the editor, kept
// apart and given as the byline only when the page credits no author (as the corpus does).
// Meta tags and Readability's byline are taken only when they look like a person's name, never a
// site, a user id or a template credit ("www.yunnan.cn,云南日报报业集团", "L_104485", "Discuz! Team").
import { toSimplified } from '../core/text/normalize';
import { authorPage } from './author-page';
import type { Zones } from './page-lines';

/** The commonest Chinese surnames (over 95% of people), single and compound. */
const SURNAMES = new Set(
  ('王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖萧田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫严段雷侯龙史陶黎贺顾毛郝龚邵万钱覃武戴孔汤庞樊兰殷施陶洪翟安颜倪严牛温芦季俞章鲁葛伍申尤毕聂柴焦向柳邢岳齐沿梅莫庄辛管祝左涂谷祁时舒耿牟卜詹关苗凌费纪靳盛童欧甄项曲成游阳裴席卫查屈鲍位覃霍翁隋植甘景薄单包司柏宁柯阮桂闵解强柴华车冉房边辜吉饶刁瞿戚丘米池滕晋苑邬臧畅宫来嵺苟全褚廉简娄盖符奚木穆党燕郎邸冀谈姬屠连郜晏栾郁商蒙计喻揭窦迟宇敖糜鄢冷卓花仇艾蓝都巩稽井练仲乐虞卞封竺冼原官衣楚佟栗匡宗应台巫鞠僧桑荆谌银扬明沙薄伏岑习胥保和蔺水云昌凤酆常皮康元平萧湛禹无贝茅麻危骆支咸尚'
    .split('')),
);
const COMPOUND = /^(?:欧阳|司马|上官|诸葛|东方|皇甫|尉迟|公孙|慕容|长孙|宇文|司徒|令狐|夏侯|端木|轩辕|呼延|南宫|独孤|万俟|闻人|申屠|西门|百里)/;
/** Words that end an organisation or a thing, not a person's given name; a page's buttons (关注, 转发), which read as surname and name. */
const NOT_PERSON = /(?:社|报|网|台|刊|部|局|委|会|院|厅|办|处|站|所|中心|公司|集团|政府|新闻|日报|晚报|频道|图|完|讯|电|稿|版|栏|专题|记者|编辑|来源|作者|报道|评论|分享|打印|关闭|收藏|返回|首页|正文|关注|订阅|点赞|转发|举报|登录|注册)$/;

/** A Chinese person's name: two to four Han characters (a · inside for minority names) opening with a surname. */
export function isChineseName(s: string): boolean {
  const t = s.replace(/[\s\u3000]+/g, '');
  if (!/^[\p{Script=Han}·]{2,5}$/u.test(t) || t.startsWith('·') || t.endsWith('·')) return false;
  if (NOT_PERSON.test(t)) return false;
  if (t.includes('·')) return true;
  return (SURNAMES.has(t[0]!) && t.length <= 4) || (COMPOUND.test(t) && t.length <= 5);
}

/** A Western person's name: two to five capitalised words, no digits, no organisation words. */
function isLatinName(s: string): boolean {
  const t = s.replace(/^by\s+/i, '').trim();
  if (!/^\p{Lu}[\p{L}.'’-]*(?:\s+(?:(?:and|&|van|von|de|da|del|der|la|le)\s+)?\p{Lu}[\p{L}.'’-]*){1,4}(?:\s*(?:,|and|&)\s*\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){1,3})*$/u.test(t)) return false;
  return !/\b(?:Team|News|Press|Staff|Editor|Editors|Media|Group|Inc|Ltd|Corp|Agency|Online|Network|Daily|Times|Post|Contributors?)\b/i.test(t);
}

/** A meta or Readability byline a reader would take for a person: a Chinese or Western name, or a list of them. */
/** Text no name holds: digits, a user id's or a web address's characters. */
const NOT_NAME_TEXT = /[\d@_=/\\<>{}|]|www\.|https?:|\.(?:com|cn|net|org)\b/i;

/** Whether a name the page marks as its author's (a link to their page) can be one: short, and no address or id. */
function couldBeName(s: string): boolean {
  return s.length >= 2 && s.length <= 30 && !/[:：]/.test(s) && !NOT_NAME_TEXT.test(s);
}

export function looksLikePerson(s: string | null | undefined): boolean {
  if (!s) return false;
  const t = s.trim();
  if (t.length === 0 || t.length > 60 || NOT_NAME_TEXT.test(t)) return false;
  const parts = t.split(/[、，,;；]|\s+(?=[\p{Script=Han}])/u).map((p) => p.trim()).filter(Boolean);
  if (parts.every((p) => /\p{Script=Han}/u.test(p)) && parts.length <= 6) {
    // "赵 培": a two-character name written with a space
    if (isChineseName(t)) return true;
    return parts.every(isChineseName);
  }
  return isLatinName(t);
}

// ---- credits written in the page

/** Roles that credit an author; the page's own label before them (本报, 新华社, 光明日报, 半月谈) may be any short run. */
const ROLE = '(?:特约记者|首席记者|见习记者|实习记者|实习生|记者|通讯员|特约撰稿人?|撰稿人?|撰文|作者|执笔人?|文[／/]?图|文)';
/**
 * What a credit line holds where no one is named: anonymous (佚名, 匿名), the site itself (本站,
 * 本网, 网络), the editor's generic voice (小编) or a CMS's default user (admin).
 */
const NO_ONE = /^(?:佚名|匿名|无名|本站|本网|网络|网友|网络整理|综合整理|整理|综合|小编|编者|管理员|站长|未知|不详|版权所有|admin|administrator|root|guest)$/iu;
/** A website's name, which a credit's 作者： may hold but no author is (中国政府网); an office or a branch may be one. */
const SITE_NAME = /(?:网|网站|官网|门户|客户端)$/u;
const EDITOR = '(?:责任编辑|责编|编辑|编审)';
const SEP = '[\\s\\u3000]*[：:／/｜|]?[\\s\\u3000]*';
/**
 * What follows a role word in running text or a page's frame and reads as a two-to-four-character
 * name without being one: a reporting verb (对记者透露, 记者获悉), a box's heading (作者最新文章).
 * Only names no surname list knows are judged by it (王文章 is a name).
 */
const NOT_A_NAME = /(?:透露|表示|介绍|获悉|了解|采访|证实|确认|指出|坦言|直言|看到|发现|注意到|说|称|问|文章|简介|主页|作品|动态|专栏|推荐|信息)$/u;
/** A role word standing alone as a token between names (本报实习生 刘国栋 周炜 本报记者 王燕平). */
const ROLE_TOKEN = new RegExp(`^[\\p{Script=Han}]{0,8}?${ROLE}[：:]?$`, 'u');
const REPORTED = /^(.*?)(?:\S{0,8}报[道导]|\/?摄影?|摄)$/u;

/** Names at the start of `s` (after a role): Chinese names separated by spaces or 、，, with role words between groups. */
function namesAt(s: string, lenient: boolean, afterRole = true): string[] {
  const out: string[] = [];
  // 记者王小明／台北报导: a slash ends a name as a space does
  const tokens = s.split(/[\s\u3000、，,／/]+/u);
  for (let i = 0; i < tokens.length && out.length < 8; i++) {
    // a name's gloss in brackets goes with the brackets: 张三（北京大学教授）
    // and a closing bracket ends the credit: 新华社巴黎12月9日电（记者唐霁）法国9日…
    let tok = tokens[i]!.replace(/^([^（(]{2,})[（(].*$/u, '$1').replace(/[)）\]】」。;；].*$/u, '').replace(/\.+$/u, '');
    if (NO_ONE.test(tok)) break;
    if (!tok) {
      if (i === 0) continue;
      break;
    }
    const cut = /[)）\]】」。;；]/u.exec(tokens[i]!);
    if (out.length > 0 && ROLE_TOKEN.test(tok)) continue;
    const rep = REPORTED.exec(tok);
    if (rep) {
      if (rep[1] && isChineseName(rep[1])) out.push(rep[1]);
      break;
    }
    if (isChineseName(tok) || (afterRole && /^[\p{Script=Han}·]{2,4}$/u.test(tok) && !NOT_PERSON.test(tok) && !NOT_A_NAME.test(tok))) out.push(tok);
    // a run of two single characters: "赵 培"
    else if (/^\p{Script=Han}$/u.test(tok) && /^\p{Script=Han}{1,2}$/u.test(tokens[i + 1] ?? '') && isChineseName(tok + tokens[i + 1])) {
      out.push(tok + tokens[i + 1]);
      i++;
    } else if (lenient && out.length === 0 && /^[\p{L}\p{N}&·._-]{2,20}$/u.test(tok) && !/^\d+$/.test(tok) && !SITE_NAME.test(tok)) {
      // a user name after 作者： on a forum or blog ("放飞&心情", "ggjjzhzz")
      out.push(tok);
      break;
    } else break;
    if (cut) break;
  }
  return out;
}

/** Words before 记者 in running text that make the reporter someone spoken to, not a credit (对记者说, 接受记者采访). */
const ADDRESSED = /(?:对|向|给|跟|和|与|让|被|请|告诉|接受|回答|据)$/u;

/** The author credited in `line`, if any: a role opening the line or a bracket, or after a short label (本报记者, 光明日报记者). */
function creditIn(line: string): string[] {
  const re = new RegExp(`${ROLE}${SEP}`, 'gu');
  for (let m = re.exec(line); m; m = re.exec(line)) {
    const before = line.slice(0, m.index);
    const role = m[0].trim();
    // 文/图 is a credit however it is followed (文/图 张三); a bare 文 needs its separator
    const explicit = /[／/｜|：:]$/u.test(role) || /^文[／/]图$/u.test(role);
    const opens = /(?:^|[\s\u3000（(【\[□■●▲◎])$/u.test(before);
    // a short label of its own (本报, 新华社, 半月谈) before the role, itself opening the line or a bracket
    const labelled = /(?:^|[\s\u3000（(【\[□■●▲◎])\p{Script=Han}{1,8}$/u.test(before) && !ADDRESSED.test(before);
    if (role.startsWith('文') ? !(opens && explicit) : !(opens || labelled)) continue;
    const lenient = /^(?:作者|撰稿|撰文)/u.test(role) && explicit;
    const names = namesAt(line.slice(m.index + m[0].length), lenient);
    if (names.length) return names;
    const dated = datelineName(line.slice(m.index + m[0].length));
    if (dated) return [dated];
  }
  return [];
}

/**
 * The reporter of a wire dateline that runs name, place and day together: （中央社记者陈晓华台北7日电）.
 * The name is read as three characters when a place of two or more follows (most names are three),
 * else two (记者王明北京7日电).
 */
function datelineName(rest: string): string | null {
  const m = /^([\p{Script=Han}]{4,8}?)(?:\d{1,2}月)?\d{1,2}日(?:专)?电/u.exec(rest);
  if (!m) return null;
  for (const len of [3, 2]) {
    const name = m[1]!.slice(0, len);
    if (m[1]!.length - len >= 2 && isChineseName(name)) return name;
  }
  return null;
}

/** A closing name tag: （常书香 马丹阳）, （姚峰 上海报道）, (信报记者 蔡雪婧). */
function closingTag(line: string): string[] {
  const m = /[（(]([^（）()]{2,40})[)）]\s*$/u.exec(line);
  if (!m) return [];
  const inner = m[1]!.trim();
  const credited = creditIn(inner);
  if (credited.length) return credited;
  const names = namesAt(inner, false, false);
  // every token must be a name (or "… 报道"), else it is an aside
  const tokens = inner.split(/[\s\u3000、，,]+/u).filter(Boolean);
  const allNames = tokens.every((t, i) => isChineseName(t) || (i === tokens.length - 1 && REPORTED.test(t)));
  return allNames ? names : [];
}

function editorIn(line: string): string[] {
  const m = new RegExp(`(?:^|[\\s\\u3000（(【\\[])${EDITOR}${SEP}`, 'u').exec(line);
  if (!m || !/[：:]/u.test(m[0])) return [];
  return namesAt(line.slice(m.index + m[0].length), false);
}

/** Body paragraphs at its opening that may be the article's own credit lines, and how long such a line is at most. */
const OPENING_PARAGRAPHS = 6;
const OPENING_CREDIT_MAX = 40;
/** A blog post's footer naming who posted it, with its time: 由海姑娘张贴 @ 2005-06-13 15:00:14. */
const POSTED_BY = /^由\s*([\p{L}\p{N}&·._-]{2,20}?)\s*(?:张贴|发表|发布|发帖)\s*(?:@|于)?\s*\d{4}[-/.年]/u;

export interface Credits {
  byline: string | null;
  editor: string | null;
}

/** A line without its spaces, ideographic ones too ("赵 培", "茉 莉"). */
const squeeze = (l: string): string => l.replace(/[\s\u3000]+/g, '');

const join = (names: string[]): string | null => (names.length ? [...new Set(names)].join(' ') : null);

/**
 * The name the page's links to its author's page carry: a pen name no list of surnames knows (太小心)
 * is still the author when the page links it so. On a blog the owner's id is the one most of those
 * links carry (their page, archives and categories); a commenter's or a neighbour's link is one
 * among them. No majority (a group blog's list of authors), several names, or a name that is no
 * name: none.
 */
export function authorLinkName(doc: Document): string | null {
  const count = new Map<string, number>();
  const names = new Map<string, Set<string>>();
  for (const a of Array.from(doc.querySelectorAll('a[href]'))) {
    const href = (a.getAttribute('href') ?? '').trim();
    const rel = (a.getAttribute('rel') ?? '').toLowerCase().split(/\s+/).includes('author');
    const page = authorPage(href);
    if (!page && !rel) continue;
    // rel="author" to any other address: one author, since the page copy keeps no such address
    const id = page ? page.id : 'rel=author';
    count.set(id, (count.get(id) ?? 0) + 1);
    const t = (a.textContent ?? '').replace(/\s+/g, ' ').trim().replace(/^by\s+/i, '');
    if (t && (rel || page?.bare)) names.set(id, (names.get(id) ?? new Set()).add(t));
  }
  const top = [...count].sort((x, y) => y[1] - x[1])[0];
  const total = [...count.values()].reduce((n, c) => n + c, 0);
  if (!top || top[1] * 2 <= total) return null;
  const own = [...(names.get(top[0]) ?? [])];
  return own.length === 1 && couldBeName(own[0]!) ? own[0]! : null;
}

/** What the page says of its author outside its lines: the name its author-page links carry (authorLinkName). */
export interface DeclaredAuthor {
  authorLink?: string | null;
}

/** A headline's lead-in before a colon: 茉莉：我是怎样卷入八九民运的 (a name, or a speaker quoted: 李克强：…). */
const LEAD_IN = /^([\p{Script=Han}·]{2,6})[：:]\S/u;

/**
 * The credits of a page in either script: Traditional lines (記者陳曉華／台北報導, 責任編輯：張家豪) are
 * read in Simplified, which every pattern and the list of surnames are written in, and each name
 * found is given back as the page writes it (the conversion keeps every character's place).
 */
export function findCredits(z: Zones, fallback: (string | null | undefined)[], body: string[] = [], declared: DeclaredAuthor = {}): Credits {
  const pairs = [...z.head, ...z.tail, ...body, ...(z.before ?? []), ...(z.inside ?? []), ...(z.after ?? [])].map((l) => [toSimplified(l), l] as const);
  if (pairs.every(([f, o]) => f === o)) return creditsOf(z, fallback, body, declared);
  const fold = (ls: string[]): string[] => ls.map(toSimplified);
  const folded: Zones = { ...z, head: fold(z.head), tail: fold(z.tail), before: z.before && fold(z.before), inside: z.inside && fold(z.inside), after: z.after && fold(z.after) };
  const c = creditsOf(folded, fallback, fold(body), declared);
  /** `name` as the page writes it: the same stretch of the line it was read from. */
  const asWritten = (name: string): string => {
    for (const [f, o] of pairs) {
      const i = f.indexOf(name);
      if (i >= 0) return o.slice(i, i + name.length);
    }
    return name;
  };
  const back = (v: string | null): string | null => (v === null ? null : v.split(' ').map(asWritten).join(' '));
  return { byline: back(c.byline), editor: back(c.editor) };
}

function creditsOf(z: Zones, fallback: (string | null | undefined)[], body: string[], declared: DeclaredAuthor): Credits {
  // the editor is named in a short line of its own, often amid the links a body trails off into
  const lines = [...z.head, ...z.tail, ...body.filter((p) => p.length <= 80), ...(z.inside ?? [])];
  let editor: string | null = null;
  for (const l of lines) {
    editor ??= join(editorIn(l));
  }
  const pick = (): string | null => {
    // the article's own credit lines at the opening of its body (本报实习生 刘国栋 周炜 / 本报记者 王燕平 …)
    // before the page's frame: a blog or forum reposting a news story names its poster (作者： 流泉)
    // above it, and the reporters are the story's
    const opening: string[] = [];
    for (const l of body.slice(0, OPENING_PARAGRAPHS)) {
      const c = l.length <= OPENING_CREDIT_MAX ? creditIn(l) : [];
      if (c.length) opening.push(...c);
      else if (opening.length) break; // the credit lines end where the text begins
    }
    if (opening.length) return join(opening);
    for (const l of z.head) {
      const c = creditIn(l);
      if (c.length) return join(c);
    }
    // a name in brackets on the date line under the headline: 2004年7月16日08:19 [ 黄宇 ] 来源：[ 国际金融报 ]
    for (const l of z.head) {
      if (l.length > 100 || !/\d{4}\s*[-/.年]\s*\d{1,2}/u.test(l)) continue;
      const name = [...l.matchAll(/[[【]\s*([\p{Script=Han}·]{2,5})\s*[\]】]/gu)].map((m) => m[1]!).find(isChineseName);
      if (name) return name;
    }
    for (const l of [...z.tail].reverse()) {
      const c = creditIn(l);
      if (c.length) return join(c);
      const t = closingTag(l);
      if (t.length) return join(t);
    }
    // a forum post: 某某 发表于 2005-9-15 11:46; a blog post's footer: 由某某张贴 @ 2005-06-13 15:00:14
    for (const l of z.before ?? z.head) {
      const m = /(?:^|\s)([\p{L}\p{N}&·._-]{2,20})\s*发表于\s*[:：]?\s*\d{4}/u.exec(l);
      if (m) return m[1]!;
    }
    for (const l of [...z.tail].reverse()) {
      const m = POSTED_BY.exec(l);
      if (m) return m[1]!;
    }
    // a name alone on a line under the headline (胡平 over the essay's subtitle)
    const under = z.titleFound ? z.head.slice(0, 3) : z.head.slice(-1);
    for (const l of under) if (isChineseName(l)) return squeeze(l);
    // a headline led in by a name (茉莉：我是怎样卷入八九民运的) over the headline without it and a line
    // holding that name alone: together they say it is the author, where no list of surnames knows a
    // pen name; the lead-in alone is as often a speaker quoted, or a label (摘要：…)
    const alone = new Set([...z.head, ...body.slice(0, OPENING_PARAGRAPHS)].map(squeeze));
    for (const l of [...(z.headline ? [z.headline] : []), ...z.head]) {
      const m = LEAD_IN.exec(squeeze(l));
      if (m && alone.has(m[1]!) && alone.has(squeeze(l).slice(m[0].length - 1)) && !NOT_PERSON.test(m[1]!)) return m[1]!;
    }
    // a meta or Readability name in Traditional script is judged in Simplified and given as written
    for (const f of fallback) if (f && looksLikePerson(toSimplified(f))) return f.replace(/^by\s+/i, '').trim();
    // the one name the page links to as its author's page, a pen name as well (太小心)
    if (declared.authorLink && !NOT_PERSON.test(declared.authorLink)) return declared.authorLink;
    // 发文机关 on a government notice is who issued it
    for (const l of z.before ?? z.head) {
      const m = /发文机关\s*[：:]\s*([\p{Script=Han}]{3,20})/u.exec(`${l} ${z.before?.[z.before.indexOf(l) + 1] ?? ''}`);
      if (m) return m[1]!;
    }
    return null;
  };
  return { byline: pick() ?? editor, editor };
}
