// Language identification: scripts first, franc among Latin-script languages, the page's declared
// language when the text is too short to tell.
import { describe, expect, it } from 'vitest';
import { detectLanguage, normalizeLangTag } from '../../src/core/text/language';

describe('detectLanguage', () => {
  it.each([
    ['Simplified Chinese', '加强数字政府建设，要全面贯彻网络强国战略，把数字技术广泛应用于政府管理服务。', null, 'zh'],
    ['Traditional Chinese', '加強數字政府建設，要全面貫徹網絡強國戰略，把數字技術廣泛應用於政府管理服務。', null, 'zh'],
    ['Chinese with Latin tokens', '浪潮AI服务器出货量占比超过50%，IDC数据显示其在中国市场排名第一，5G和GDP也常见。', null, 'zh'],
    ['Japanese', 'トレンドマイクロは、公衆無線LANを安全に使うためのアプリを発表した。', null, 'ja'],
    ['Chinese quoting one Japanese name', '日本动画《となりのトトロ》在中国上映后，观众反响热烈，票房超过一亿元，成为年度最受欢迎的进口影片之一。', null, 'zh'],
    ['Korean', '디지털 정부 구축을 위한 지침이 발표되었다. 정부는 클라우드 전환을 가속화한다.', null, 'ko'],
    ['English', 'The meeting emphasized that to strengthen the construction of digital government, it is necessary to implement the strategy.', null, 'en'],
    ['French', "Le projet de loi sur le renseignement a été massivement approuvé à l'Assemblée nationale mardi.", null, 'fr'],
    ['German', 'Der Passwortmanager für Mac generiert jetzt auch Einmal-Passwörter für die Zwei-Faktor-Anmeldung.', null, 'de'],
    ['Spanish', 'Twitter Lite se estrena en México, Venezuela y otros nueve países de América Latina esta semana.', null, 'es'],
    ['Portuguese', 'Tite diz que errou ao levar taça da Libertadores a Lula em 2012 e pede desculpas aos torcedores.', null, 'pt'],
    ['Czech', 'West Ham hrozí gigantům, okouzlil i Linekera. Součka je snadné přehlédnout, ale hraje výborně.', null, 'cs'],
    ['English with a Chinese menu item', 'Read the full story about the election results in our politics section today. 中文', null, 'en'],
    ['too short: the hint decides', 'OK', 'fr-FR', 'fr'],
    ['too short, no hint', 'Hello', null, 'en'],
    ['nothing at all', '', null, 'und'],
    ['nothing, with a hint', '   ', 'de', 'de'],
  ])('%s', (_, text, hint, lang) => {
    expect(detectLanguage(text, hint)).toBe(lang);
  });
});

describe('normalizeLangTag', () => {
  it.each([
    ['zh-CN', 'zh'],
    ['en_US', 'en'],
    ['pt-BR', 'pt'],
    ['eng', 'en'],
    ['', null],
    ['x', null],
  ])('%s -> %s', (tag, code) => {
    expect(normalizeLangTag(tag)).toBe(code);
  });
});
