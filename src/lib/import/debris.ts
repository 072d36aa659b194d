/**
 * Site debris: what a web page wraps around an article and what copying it drags along
 * (greetings, breadcrumbs, navigation, share and QR prompts, related-reading lines,
 * disclaimers, copyright/ICP/公安备案 footers, the site's phone numbers and address,
 * visitor counters, page numbers). Lines that carry publication facts (时间 … 作者 … 来源 …,
 * 原文链接) are read into source facts instead of being kept as text.
 *
 * Rules are "strong" (a marker nobody writes in a case: ICP备, 版权所有, 扫一扫) or
 * "weak" (only applied to short lines: a case paragraph may mention 联系电话). After the
 * last paragraph of the article, everything from the first debris line on is footer.
 */
import type { Block, Removal, SourceFacts } from './types.ts';
import { countHan, normalizeSpaces } from './cjk.ts';
import { parseDate } from './dates.ts';
import { chromeReason, closingDate, isByline, isCaption, leadingDateline, sourceLine } from './line-kinds.ts';

interface Rule {
	reason: string;
	pattern: RegExp;
	strong: boolean;
}

const RULES: Rule[] = [
	{ reason: 'greeting', strong: false, pattern: /^(?:您好[，,!！]?\s*)?(?:欢迎|歡迎)(?:您)?(?:访问|訪問|光临|光臨|来到|來到|进入|進入)/u },
	{
		reason: 'breadcrumb',
		strong: true,
		pattern:
			/(?:当前|當前|您现在|您現在|你现在|你的|您的)(?:所在)?(?:的)?(?:位置|所在)\s*[:：>]?|^(?:首页|首頁|网站首页|網站首頁)\s*(?:>|»|›|＞|\/)/u,
	},
	{ reason: 'breadcrumb', strong: false, pattern: /^[^。]{0,40}(?:>|»|›|＞)\s*[^。]{0,20}(?:>|»|›|＞)[^。]{0,30}$/u },
	{
		reason: 'share or QR prompt',
		strong: true,
		pattern:
			/扫一扫|掃一掃|扫描二维码|掃描二維碼|微信扫|微信掃|分享到[:：]?|分享至|手机(?:扫码|打开|打開)|手機(?:掃碼|打開)|在手机打开|在手機打開|【打印】|【关闭】|【關閉】|\[打印\]|\[关闭\]|打印本页|列印本頁|关闭窗口|關閉窗口|收藏本页|加入收藏|设为首页|設為首頁|返回顶部|返回頂部|字号[:：]\s*大|字體[:：]\s*大|【字体|【字號|【大\s*中\s*小】/u,
	},
	{
		reason: 'related-reading line',
		strong: true,
		pattern:
			/^(?:\[|【)?(?:推荐访问|推薦訪問|相关阅读|相關閱讀|相关文章|相關文章|相关链接|相關鏈接|相关新闻|相關新聞|延伸阅读|延伸閱讀|热点推荐|熱點推薦|猜你喜欢|猜你喜歡|精彩推荐|精彩推薦|热门文章|熱門文章|更多阅读|上一篇|下一篇|上一条|下一条|上一條|下一條)(?:\]|】)?/u,
	},
	{
		reason: 'disclaimer',
		strong: true,
		pattern:
			/免责声明|免責聲明|免責宣告|版权声明|版權聲明|版權宣告|转载请注明|轉載請註明|轉載請注明|本站部分信息|本网部分|本網部分|不承担任何(?:保证|法律)?责任|不承擔任何|仅供(?:学习|参考)交流|僅供(?:學習|參考)交流|如涉及作品内容|与本网联系|與本網聯繫|版权归原作者所有|版權歸原作者所有|不代表本[站网網](?:观点|觀點|立场|立場)|本文源自/u,
	},
	{ reason: 'copyright footer', strong: true, pattern: /copyright|版权所有|版權所有|all rights reserved|©/iu },
	{
		reason: 'ICP/公安备案 footer',
		strong: true,
		pattern: /ICP\s*[备備证證]|公网安备|公網安備|公安备案|公安備案|网站标识码|網站標識碼|网站识别码|政府网站找错|政府網站找錯/iu,
	},
	{
		reason: 'site information',
		strong: true,
		pattern:
			/^(?:主办单位|主辦單位|承办单位|承辦單位|协办单位|協辦單位|技术支持|技術支持|网站维护|網站維護|运营维护|運營維護|主办|主辦|承办|承辦|建设单位|建設單位)[:：]/u,
	},
	{
		reason: 'site information',
		strong: false,
		pattern:
			/(?:主办|主辦)\s*(?:--|——|-)|本网概况|本網概況|会员服务|會員服務|联系我们|聯繫我們|网站地图|網站地圖|关于我们|關於我們|网站导航|網站導航/u,
	},
	{
		reason: 'contact details',
		strong: false,
		pattern:
			/(?:联系|聯繫|监督|監督|举报|舉報|投诉|投訴|咨询|諮詢|服务|服務)?(?:电话|電話|热线|熱線)\s*[:：]|传真\s*[:：]|傳真\s*[:：]|邮编\s*[:：]|郵編\s*[:：]|(?:电子)?邮箱\s*[:：]|(?:電子)?郵箱\s*[:：]|e-?mail\s*[:：]|^地址\s*[:：]|^通讯地址|^通訊地址/iu,
	},
	{ reason: 'contact details', strong: false, pattern: /^[\s\d\-—()（）:：、,，]*(?:\d{3,4}-\d{7,8}|1[3-9]\d{9})[\s\d\-—()（）:：、,，]*$/u },
	{
		reason: 'visitor counter',
		strong: true,
		pattern: /您是第\s*\d*\s*位|你是第\s*\d*\s*位|(?:访问|訪問|浏览|瀏覽|点击|點擊|阅读|閱讀)(?:量|次数|次數|数|數|人次)\s*[:：]/u,
	},
	{ reason: 'visitor counter', strong: false, pattern: /(?:访问|訪問|浏览|瀏覽|点击|點擊|阅读|閱讀)(?:量|次数|次數)\s*\d+/u },
	{
		reason: 'page number',
		strong: true,
		pattern: /^(?:[-—–\s]*\d{1,3}[-—–\s]*|第\s*\d+\s*页(?:\s*[，,/]?\s*共\s*\d+\s*页)?|\d{1,3}\s*\/\s*\d{1,3})$/u,
	},
	{
		reason: 'print/close links',
		strong: true,
		pattern:
			/^(?:【|\[)?(?:打印|列印|关闭|關閉|返回|顶部|頂部|分享|收藏)(?:】|\])?(?:\s*(?:【|\[)?(?:打印|列印|关闭|關閉|返回|顶部|頂部|分享|收藏)(?:】|\])?)*$/u,
	},
];

/** Keys of publication-fact lines: 时间:… 作者:… 来源:… 原文链接:… */
const FACT_KEYS =
	'发布时间|發布時間|發佈時間|发布日期|發布日期|时间|時間|日期|来源|來源|信息来源|信息來源|文章来源|文章來源|稿件来源|稿件來源|稿源|作者|编辑|編輯|责任编辑|責任編輯|责编|責編|审核|審核|原文链接|原文鏈接|原文地址|原文網址|原文网址|链接|鏈接|浏览次数|瀏覽次數|点击数|點擊數|字号|字號';
const FACT_LINE = new RegExp(`^[\\[【(（]?\\s*(?:${FACT_KEYS})\\s*[:：]`, 'u');
const FACT_PAIR = new RegExp(`(${FACT_KEYS})\\s*[:：]\\s*`, 'gu');
const SOURCE_PLACEHOLDERS = /^(?:网络|網絡|網路|本站|本网|本網|互联网|互聯網|佚名|未知|原创|原創|转载|轉載)$/u;

/** What `removeDebris` kept and removed, and the publication facts it read. */
export interface DebrisResult {
	kept: Block[];
	removed: Removal[];
	facts: SourceFacts;
}

/** Which debris rule, if any, a line matches. */
export function debrisReason(text: string): string | undefined {
	const han = countHan(text);
	const short = han <= 60 || !/[。！？]/u.test(text);
	// Footers are short; a long line is article text even if a footer phrase ends up in it.
	if (han > 300) return undefined;
	for (const rule of RULES) {
		if (!rule.strong && !short) continue;
		if (rule.pattern.test(text)) return rule.reason;
	}
	return undefined;
}

/** A line of publication facts: "时间:2024-12-07 作者:佚名 来源:中共湖南省委组织部". */
export function parseFactLine(text: string): SourceFacts | undefined {
	const trimmed = text.trim();
	if (!FACT_LINE.test(trimmed) && !/^[(（](?:来源|來源|稿源)[:：][^)）]+[)）]$/u.test(trimmed)) return undefined;
	if (countHan(trimmed) > 80 || /。.+/u.test(trimmed.replace(/https?:\/\/\S+/g, ''))) return undefined;
	const facts: SourceFacts = {};
	const inner = trimmed.replace(/^[[【(（]|[\]】)）]$/gu, '');
	const matches = [...inner.matchAll(FACT_PAIR)];
	matches.forEach((match, i) => {
		const key = match[1] as string;
		const start = (match.index ?? 0) + match[0].length;
		const end = matches[i + 1]?.index ?? inner.length;
		const value = normalizeSpaces(inner.slice(start, end)).replace(/[\]】)）]$/u, '');
		if (!value) return;
		if (/时间|時間|日期/u.test(key)) {
			const date = parseDate(value);
			if (date) facts.date = date;
		} else if (/来源|來源|稿源/u.test(key)) {
			if (!SOURCE_PLACEHOLDERS.test(value)) facts.publisher = value;
		} else if (/作者/u.test(key)) {
			facts.author = value;
		} else if (/链接|鏈接|地址|网址|網址/u.test(key)) {
			const url = /https?:\/\/[^\s<>"'，。]+/u.exec(value)?.[0];
			if (url) facts.url = url;
		}
	});
	return facts;
}

/** A 主办单位 line names the site's owner: the fallback publisher. */
function siteOwnerOf(text: string): string | undefined {
	const match = /^(?:主办单位|主辦單位|主办|主辦)[:：]\s*(.+)$/u.exec(text.trim());
	const owner = match?.[1] ? normalizeSpaces(match[1]).split(/\s/)[0] : undefined;
	return owner && countHan(owner) >= 2 ? owner : undefined;
}

/** A greeting names the site: "欢迎访问 反腐时评网!" → 反腐时评网. */
function siteNameOf(text: string): string | undefined {
	const match = /(?:欢迎|歡迎)(?:您)?(?:访问|訪問|光临|光臨|来到|來到)\s*([^\s!！。，,]{2,20})/u.exec(text);
	return match?.[1];
}

/** True for a paragraph of article text: long enough and written in sentences. */
export function isBodyParagraph(text: string): boolean {
	return countHan(text) >= 40 && /[。！？；，,]/u.test(text);
}

/** The kind of wrapper line a block is (caption, byline, chrome), if any, else a debris rule's reason. */
function wrapperReason(text: string, isFirst: boolean): string | undefined {
	if (isCaption(text)) return 'photo caption';
	if (isByline(text, isFirst)) return 'byline';
	return chromeReason(text) ?? debrisReason(text);
}

/** Numbered lines (1、 2、 …) of which half or more are debris are a site's terms list: all of it goes. */
function spreadOverNumberedRuns(classified: Array<{ block: Block; reason: string | undefined; fact: SourceFacts | undefined }>): void {
	const numbered = (text: string) => /^[-•·*]?\s*\d{1,2}\s*[、.．]/u.test(text);
	let i = 0;
	while (i < classified.length) {
		if (!numbered(classified[i]!.block.text)) {
			i++;
			continue;
		}
		let j = i;
		while (j + 1 < classified.length && numbered(classified[j + 1]!.block.text)) j++;
		const run = classified.slice(i, j + 1);
		const debris = run.filter((c) => c.reason);
		if (run.length >= 3 && debris.length * 2 >= run.length) for (const c of run) c.reason ??= debris[0]!.reason;
		i = j + 1;
	}
}

/** Removes debris, reads fact lines, and treats everything after the article's end as footer. */
export function removeDebris(blocks: Block[]): DebrisResult {
	const removed: Removal[] = [];
	const facts: SourceFacts = {};
	const firstBody = blocks.findIndex((b) => isBodyParagraph(b.text));
	const classified = blocks.map((block, i) => {
		const fact = parseFactLine(block.text);
		// A lone name is a byline among the few lines above the text: above the title or below it.
		const reason = fact ? undefined : wrapperReason(block.text, i === 0 || (i < firstBody && i <= 4));
		return { block, fact, reason };
	});
	spreadOverNumberedRuns(classified);
	let lastBody = -1;
	classified.forEach((c, i) => {
		if (!c.fact && !c.reason && isBodyParagraph(c.block.text)) lastBody = i;
	});
	// After the text: a （…供稿） line names the source, a line holding only a date is the date.
	classified.forEach((c, i) => {
		if (i <= lastBody || c.fact || c.reason) return;
		const contributor = sourceLine(c.block.text);
		const date = closingDate(c.block.text);
		if (contributor) c.fact = { contributor };
		else if (date) c.fact = { date };
	});
	// A dateline opening the first paragraphs is cut off; the paragraph stays.
	let openings = 0;
	for (const c of classified) {
		if (c.fact || c.reason || openings >= 3) continue;
		openings++;
		const dateline = leadingDateline(c.block.text);
		if (!dateline) continue;
		removed.push({ line: c.block.line, text: dateline.trim(), reason: 'dateline' });
		c.block = { ...c.block, text: c.block.text.slice(dateline.length).trim() };
		break;
	}
	let inFooter = false;
	const kept: Block[] = [];
	classified.forEach((c, i) => {
		const owner = siteOwnerOf(c.block.text);
		if (owner) facts.siteOwner ??= owner;
		const site = siteNameOf(c.block.text);
		if (site && c.reason) facts.siteName ??= site;
		if (c.fact) {
			mergeFacts(facts, c.fact);
			removed.push({ line: c.block.line, text: c.block.text, reason: 'publication facts (read into source)' });
			if (i > lastBody) inFooter = true;
			return;
		}
		if (c.reason) {
			removed.push({ line: c.block.line, text: c.block.text, reason: c.reason });
			if (i > lastBody) inFooter = true;
			return;
		}
		if (inFooter) {
			removed.push({ line: c.block.line, text: c.block.text, reason: 'site footer (after the article and its footer lines)' });
			return;
		}
		kept.push(c.block);
	});
	return { kept, removed, facts };
}

/** Earlier facts win: the line nearest the article's head is the article's own. */
export function mergeFacts(into: SourceFacts, from: SourceFacts): void {
	for (const [key, value] of Object.entries(from) as Array<[keyof SourceFacts, string | undefined]>) {
		if (value !== undefined && into[key] === undefined) into[key] = value;
	}
}
