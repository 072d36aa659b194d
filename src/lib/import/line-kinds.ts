/**
 * Kinds of lines that wrap a case without being part of it, told from general features —
 * markers (讯, 电, 记者, 摄, 图为, 关键词, 供稿), shape (a lone name, a line with no
 * words, a bare date) and position (first line, last lines) — never from a particular
 * site or document:
 *
 * - dateline/byline: `本报讯（记者 某某）`, `某某网某地6月13日讯（…）`, `新华社北京3月1日电` at
 *   the start of the first paragraph (cut off; the paragraph stays);
 * - byline: a line naming only the author (`文/某某`, `记者 某某`, a lone 2–3 character name
 *   above the text);
 * - caption: `图为…`, `…（记者 某某 摄）`, `【资料图】`;
 * - chrome: keyword and tag lines, copy-link lines, document-store terms (download, VIP,
 *   upload), lines without a single word (`|`, `——`);
 * - source line: `（某某县委组织部供稿）` — read as the source, not kept as text;
 * - closing date: a line holding only a date, after the text — read as the date;
 * - ordinal line: a line that only ranks or numbers the case below it (`排名3`, `第二名`,
 *   `案例4`, `NO.5`) — it starts a case and is never its title;
 * - category line: a short line naming the category the case below belongs to (`【乡村治理类】`,
 *   `类别：基层治理`) — never a title;
 * - kicker (引题): three or more short parallel phrases joined by 、 or spaces above the real
 *   title (`立足本职、敢于担当、勇于创新`) — a slogan, not the title;
 * - masthead: the name of the paper, site or channel the text appeared in, with its date and
 *   page (`某某日报`, `2024年3月5日 第3版`) — above the title, never the title.
 */
import { countHan } from './cjk.ts';
import { parseDate } from './dates.ts';

const OPEN = '[（(]';
const CLOSE = '[）)]';

/** `本报讯（记者 某某）`, `人民网芜湖3月7日电(记者 某某)`, `某某网某地6月13日讯 ( 某某 特约记者 某某 )`. */
const DATELINE = new RegExp(
	`^(?:(?:本报|本報|本台|本刊|本网|本網)(?:讯|訊|电|電)|[\\p{Script=Han}A-Za-z]{2,16}?(?:\\d{1,2}月\\d{1,2}日)?(?:电|電|讯|訊))\\s*(?:${OPEN}[^）)]{0,40}${CLOSE})?\\s*`,
	'u',
);
/** The dateline must say who or when: 讯/电 after a news organ, a date, or with a reporter in brackets. */
function isDateline(prefix: string): boolean {
	return (
		/^(?:本报|本報|本台|本刊|本网|本網)/u.test(prefix) ||
		/\d{1,2}月\d{1,2}日(?:电|電|讯|訊)/u.test(prefix) ||
		/(?:记者|記者|通讯员|通訊員)/u.test(prefix)
	);
}

/** The dateline or byline opening a paragraph, if any (to be cut off). */
export function leadingDateline(text: string): string | undefined {
	const match = DATELINE.exec(text);
	if (!match || match[0].length === text.length) return undefined;
	const prefix = match[0];
	if (countHan(prefix) > 40 || !isDateline(prefix)) return undefined;
	return prefix;
}

const REPORTER = /(?:记者|記者|通讯员|通訊員|特约记者|特約記者|摄影|攝影|实习生|實習生)/u;

/** A line that only names who wrote or photographed the text. */
export function isByline(text: string, isFirst: boolean): boolean {
	const t = text.trim();
	if (/^(?:文|图|圖|文图|文圖|文\/图|撰稿|作者|记者|記者|通讯员|通訊員|摄影|攝影)\s*[/／:：]\s*\S{2,20}$/u.test(t)) return true;
	if (REPORTER.test(t) && countHan(t) <= 20 && !/[。，；！？,;]/u.test(t)) return true;
	// A lone personal name (or two) at the top, not a place or an office (夏县, 青山镇, 信访局).
	return (
		isFirst &&
		/^[\p{Script=Han}]{2,3}(?:[、\s][\p{Script=Han}]{2,3})?$/u.test(t) &&
		!isOrdinalLine(t) &&
		!/[县縣区區市镇鎮乡鄉村旗州局委办辦处處厅廳部院所站队隊组組社]$/u.test(t)
	);
}

/** A photo caption or picture marker. */
export function isCaption(text: string): boolean {
	const t = text.trim();
	if (/^[【[]?(?:资料图|資料圖|资料图片|資料圖片|配图|配圖|图片|圖片|视频|視頻|组图|組圖)[】\]]?$/u.test(t)) return true;
	if (countHan(t) > 80) return false;
	if (/^(?:图为|圖為|图：|圖：|图:|上图|下图|左图|右图|图\d|圖\d)/u.test(t) && !/^图\d+[．.、]/u.test(t)) return true;
	// "…现场。人民网记者 某某摄" / "（某某 摄）"
	return /(?:记者|記者|通讯员|通訊員)?\s*[\p{Script=Han}]{2,4}\s*(?:摄|攝)\s*[）)]?$/u.test(t) && countHan(t) <= 40;
}

/** Page furniture that is neither text nor a fact: keyword lines, copy-link lines, store terms, separators. */
export function chromeReason(text: string): string | undefined {
	const t = text.trim();
	if (countHan(t) === 0 && !/[A-Za-z]{3,}|\d{2,}/u.test(t)) return 'separator';
	if (/^(?:关键词|關鍵詞|关键字|關鍵字|标签|標籤|tags?)\s*[:：]/iu.test(t) && countHan(t) <= 30) return 'keyword line';
	if (/复制本页|複製本頁|复制链接|複製鏈接|本页地址|本頁地址|点击复制|點擊複製/u.test(t) && countHan(t) <= 30) return 'copy-link line';
	if (/^https?:\/\/\S+$/u.test(t)) return 'bare link';
	if (
		/(?:下载|下載)[^。]{0,12}(?:文档|文檔|权益|權益|券)|VIP(?:文档|文檔|会员|會員)|成为VIP|成為VIP|上传文档|上傳文檔|文档贡献者|版权申诉|版權申訴|付费|付費|会员权益|會員權益/u.test(
			t,
		)
	)
		return 'document-store terms';
	return undefined;
}

/** `（某某县委组织部供稿）` → 某某县委组织部. */
export function sourceLine(text: string): string | undefined {
	const match = new RegExp(
		`^${OPEN}?\\s*(?:供稿(?:单位|單位)?[:：]\\s*)?([^（）()]{2,40}?)\\s*(?:供稿|供稿單位|供稿单位|供图|報送|报送)?\\s*${CLOSE}?$`,
		'u',
	).exec(text.trim());
	if (!match?.[1] || !/供稿|報送|报送/u.test(text)) return undefined;
	return countHan(match[1]) >= 2 ? match[1].trim() : undefined;
}

/** A line that holds only a date (the closing date of a report), as YYYY-MM-DD. */
export function closingDate(text: string): string | undefined {
	const t = text.trim();
	if (!/^(?:(?:19|20)\d{2}\s*(?:年|[-./])\s*\d{1,2}\s*(?:月|[-./])\s*\d{1,2}\s*日?)$/u.test(t)) return undefined;
	return parseDate(t);
}

const NUMERAL = '(?:\\d{1,3}|[一二三四五六七八九十]{1,3})';

/** A line that only ranks or numbers the case below it: 排名3, 第二名, 案例4, 典型案例之五, 篇一, NO.5. */
export function isOrdinalLine(text: string): boolean {
	const t = text.trim().replace(/\s+/gu, '');
	if ([...t].length > 10) return false;
	return new RegExp(
		`^(?:(?:排名|名次)第?${NUMERAL}名?|第${NUMERAL}名|(?:典型|优秀|優秀|创新|創新)?(?:案例|个案|個案)(?:之)?${NUMERAL}|篇${NUMERAL}|第${NUMERAL}篇|No[.．]?${NUMERAL})$`,
		'iu',
	).test(t);
}

/** A short line naming the category of the case below it: 【乡村治理类】, （营商环境类）, 类别：基层治理. */
export function isCategoryLine(text: string): boolean {
	const t = text.trim();
	if (countHan(t) > 14 || /[。，,；;]/u.test(t)) return false;
	if (/^(?:类别|類別|类型|類型|所属类别|所屬類別|领域|領域|类目|類目)\s*[:：]/u.test(t)) return true;
	// A column label alone in brackets (【基层治理】) names a category too.
	return /^[【[（(〔]?[\p{Script=Han}]{2,12}(?:类|類)(?:案例)?[】\]）)〕]?$/u.test(t) || /^【[\p{Script=Han}]{2,8}】$/u.test(t);
}

/** A kicker (引题) above a title: three or more short parallel phrases joined by 、 or spaces. */
export function isKickerLine(text: string): boolean {
	const parts = text
		.trim()
		.split(/[、\s]+/u)
		.filter(Boolean);
	if (parts.length < 3 || parts.length > 5) return false;
	return parts.every((p) => /^[\p{Script=Han}]{2,6}$/u.test(p)) && new Set(parts.map((p) => [...p].length)).size <= 2;
}

/** Where the text appeared, above its title: 某某日报, 某某网, 2024年3月5日 第3版, or both on one line. */
export function isMastheadLine(text: string): boolean {
	const t = text.trim().replace(/\s+/gu, ' ');
	const date = '(?:\\d{4}\\s*年\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日|\\d{4}[-./]\\d{1,2}[-./]\\d{1,2})(?:\\s*(?:星期|周|週)[一二三四五六日天])?';
	const page = '(?:第\\s*\\d{1,3}\\s*版|\\d{1,3}\\s*版|[A-Z]\\d{1,2}\\s*版)';
	const name =
		'(?:[\\p{Script=Han}A-Za-z]{1,10}(?:日报|日報|晚报|晚報|时报|時報|周报|週報|导报|導報|商报|商報|早报|早報|杂志|雜誌|周刊|週刊|月刊|半月刊|客户端|客戶端|公众号|公眾號|电视台|電視台|融媒体中心|融媒體中心|新闻网|新聞網)|[\\p{Script=Han}]{1,4}(?:网|網))';
	return new RegExp(`^(?:${name}(?:\\s*${date})?(?:\\s*${page})?|${date}\\s*${page}|${name}\\s*${page})$`, 'u').test(t);
}
