/**
 * Figures in a case's text → metrics: each figure with a unit (findFigures in
 * src/lib/metrics.ts), labelled from the words around it — what is counted
 * (群众好评率 99.5%, 接待游客 1.2万人次) — and the period it refers to when the sentence
 * says (今年以来, 2023年, 截至目前).
 */
import { COUNTING_UNITS, findFigures, normalizeDigits } from '../metrics.ts';
import { toTraditional } from './script.ts';
import type { Metric } from '../../schemas/metric.ts';

/**
 * Words that only scope or count ("全县共", "累计"): the label starts after the last of them.
 * Averages per head (人均, 户均, 村均, 亩均) are part of what is measured, not anchors: 人均纯收入.
 */
const ANCHORS = /(?:等|共有|共计|共計|累计|累計|总计|總計|合计|合計|先后|先後|其中|共|已|(?<![人户戶村年亩畝月日])均|分别|分別|全年)/gu;
/** Words that only link the label to the figure ("好评率达", "销售额突破"). */
const LINKS =
	/(?:最多|最少|最快|最短|最长|最長|可达|可達|达到|達到|达|達|为|為|是|约|約|超过|超過|突破|有|计|計|近|逾|超|至|到|占|佔|增至|提高到|提升至)+$/u;
/** Where a noun after the figure ends ("336件“急难愁盼”事项得到…" → 急难愁盼事项). */
const NOUN_END =
	/得到|获得|獲得|参与|參與|参加|參加|积极|積極|实现|實現|进行|進行|开展|開展|投入|用于|用於|达到|達到|达|達|来|來|到|在|因|被|的|均|全部|已|都|[和与與及等]|[，。；、：,;:（(）)！？]/u;
const COUNTING = new Set<string>(COUNTING_UNITS);
const PERIOD =
	/(?:截至目前|截至\d{4}年(?:\d{1,2}月)?(?:底)?|截至[今当當]前|今年以[来來]|今年上半年|今年|去年|\d{4}年(?:\d{1,2}月(?:份|底)?)?(?:以[来來]|上半年|下半年|全年|度)?|近[三五两兩]年|[一二三四五六七八九十]+年[来來]|[^，。；]{2,6}期间|[^，。；]{2,6}期間)/gu;

/** A metric with the source line it was read from (for the draft's evidence; not written to the frontmatter). */
export interface ExtractedMetric extends Metric {
	line: number;
}

/** The label for the figure at `index` (of `length` characters, with `unit`) in `text`. */
export function labelFor(text: string, index: number, length: number, unit = ''): string {
	const clauseStart = boundaryBefore(text, index, '，。；：！？,;:、（(●■◆▲');
	let before = text.slice(clauseStart, index);
	let last = -1;
	let lastStart = -1;
	for (const m of before.matchAll(ANCHORS)) {
		last = m.index + m[0].length;
		lastStart = m.index;
	}
	// "村集体经济收入共2153万元": the label is before the anchor when nothing follows it (and more than 全县 is there).
	if (last >= 0) {
		const ahead = before.slice(0, lastStart).replace(/^[全本该該各][县縣镇鎮乡鄉市区區村]/u, '');
		before = countHanChars(before.slice(last)) === 0 && countHanChars(ahead) >= 2 ? before.slice(0, lastStart) : before.slice(last);
	}
	// Another figure earlier in the clause: the label starts after it (and its unit).
	before = before.replace(PERIOD, '');
	const lastDigit = before.search(/\d[^\d]*$/u);
	if (lastDigit >= 0) {
		const after = before
			.slice(lastDigit + 1)
			.replace(/^[.%‰]?[万萬亿億千百]?[个個名件项項次人户戶家条條篇元批支期类類]*(?:以上|左右|次|余|餘|多)?/u, '');
		// "接待群众来访5批11人次": with nothing between two figures, both count the same thing.
		const firstDigit = before.search(/\d[\d.,]*[^\d]*$/u);
		before = countHanChars(after) >= 2 ? after : before.slice(0, firstDigit);
	}
	before = before.replace(LINKS, '');
	// A trailing function word goes (将, 对, 从), but not the 与 of 参与.
	if (!/[参參][与與]$/u.test(before)) before = before.replace(/[将將把对對向给給使让讓由被于於和与與及从從]$/u, '');
	// A figure alone in brackets (减环节（最多2个）) counts what the words before the bracket name.
	if (countHanChars(before) === 0 && '（('.includes(text[clauseStart - 1] ?? '')) {
		before = text.slice(boundaryBefore(text, clauseStart - 1, '，。；：！？,;:、●■◆▲'), clauseStart - 1);
	}
	if (countHanChars(before) > 4) before = before.replace(/^[全本该該各][县縣镇鎮乡鄉市区區村]/u, '');
	before = before.replace(/[“”"‘’「」]/gu, '').trim();
	if ([...before].length > 16) before = [...before].slice(-16).join('');

	const after = text.slice(index + length);
	const end = NOUN_END.exec(after);
	let noun = (end ? after.slice(0, end.index) : after.slice(0, 6)).replace(/[“”"‘’「」]/gu, '').trim();
	if ([...noun].length > 10 || /\d/.test(noun)) noun = '';
	const label = tidyLabel(rawLabel(before, noun, unit), unit);
	return isTimeLimit(text, index, length, unit) && !/(?:时间|時間|时限|時限|用时|用時|时长|時長|周期|週期|[数數])$/u.test(label)
		? `${label.replace(/^(?:就可以|就能|即可|就|可以|可)/u, '')}用时`
		: label;
}

const TIME_UNITS = /^(?:个小时|個小時|小时|小時|天|分钟|分鐘)$/u;

/** A time something takes or is promised in (最快一天办好, “一个小时”领执照, 24小时内拨付), not a duration or a name (15分钟阅读圈). */
function isTimeLimit(text: string, index: number, length: number, unit: string): boolean {
	if (!TIME_UNITS.test(unit)) return false;
	const before = text.slice(Math.max(0, index - 2), index);
	const after = text.slice(index + length);
	return /(?:最快|最多|仅需|僅需|只需|压缩至|壓縮至|缩短至|縮短至|[“「])$/u.test(before) || /^[”」]?(?:内|內|以内|以內|之内|之內|就|即)/u.test(after);
}

/** The noun phrase from the words before and after the figure. */
function rawLabel(before: string, noun: string, unit: string): string {
	// A counted noun of one character (120个村) says what, the words before say which: 参与村.
	if (COUNTING.has(unit) && countHanChars(noun) >= 2) return noun;
	if (COUNTING.has(unit) && countHanChars(noun) === 1) return countHanChars(before) >= 2 ? `${before}${noun}` : `${noun}数`;
	// A bare verb before an amount names it together with the noun after: 整合1.02亿元财政资金.
	if (countHanChars(before) <= 2 && countHanChars(before) >= 1 && countHanChars(noun) >= 2) return `${before}${noun}`;
	if (countHanChars(before) >= 2) return before;
	if (countHanChars(noun) >= 1) return noun;
	return before;
}

/** Function words at the edges go; a share is called a share; nothing is left without a noun. */
function tidyLabel(label: string, unit: string): string {
	let out = label
		.replace(/^[的之了和与及并且而]+/u, '')
		.replace(/(?:可享受|享受|最高|最多|最少|最低|高达|低至|以上|左右)+$/u, '')
		.replace(/[的之]$/u, '')
		.trim();
	if ((unit === '%' || unit === '％') && out && !/(?:率|比|比例|占比|度|份额|份額|增幅|降幅|增长|增長|下降)$/u.test(out)) out = `${out}占比`;
	if (!out || countHanChars(out) === 0) return unit === '%' || unit === '％' ? '比例' : unit ? `${unit}数` : '数量';
	return out;
}

/**
 * Start of the clause ending at `index`: just after the nearest mark of `marks` (looking back at
 * most 200 characters). An opening bracket closed before `index` (村（社区）23个) is no boundary.
 */
function boundaryBefore(text: string, index: number, marks: string): number {
	let i = index;
	let closed = 0;
	for (; i > 0 && index - i < 200; i--) {
		const c = text[i - 1] as string;
		if (c === '）' || c === ')') closed++;
		if ((c === '（' || c === '(') && closed > 0) {
			closed--;
			continue;
		}
		if (marks.includes(c)) break;
	}
	return i;
}

function countHanChars(text: string): number {
	return text.match(/\p{Script=Han}/gu)?.length ?? 0;
}

/**
 * The period stated next to the figure — in its clause, before it, or as a clause of its own
 * just before (`2022年，全村收入30万元`) — if any. A period further away is not the figure's.
 */
export function periodFor(text: string, index: number): string | undefined {
	const clauseStart = boundaryBefore(text, index, '。；，,;');
	let found: string | undefined;
	for (const m of text.slice(clauseStart, index).matchAll(PERIOD)) found = m[0];
	if (found || clauseStart === 0 || !'，,'.includes(text[clauseStart - 1] as string)) return found;
	const previousStart = boundaryBefore(text, clauseStart - 1, '。；，,;');
	const previous = text.slice(previousStart, clauseStart - 1).trim();
	const whole = [...previous.matchAll(PERIOD)].find((m) => m[0] === previous);
	if (whole) return whole[0];
	// A sentence that opens with where a count starts (从2020年开始，…共办理6210件) states it for the sentence.
	const sentence = text.slice(boundaryBefore(text, index, '。！？!?'), index);
	return SINCE_LEAD.exec(sentence)?.[1];
}

/** The start of a running count, opening a sentence, after its subject at most: (某县)从2020年开始, 自2019年起, 2018年以来. */
const SINCE_LEAD = /^\s*(?:[\p{Script=Han}]{0,12}?)((?:[从從自]\d{4}年(?:\d{1,2}月)?(?:[开開]始|起|以[来來])?)|\d{4}年(?:\d{1,2}月)?以[来來])/u;

/**
 * The unit in the document's script (個 in a 繁體 case), when the metric schema folds it
 * back to the same base unit; otherwise the simplified base unit.
 */
export function unitInScript(unit: string, script: 'hans' | 'hant'): string {
	if (script === 'hans') return unit;
	// The whole word first (分钟 → 分鐘: the character alone converts to 鍾), then one character at a time.
	for (const traditional of [toTraditional(unit), [...unit].map((c) => toTraditional(c)).join('')]) {
		if (normalizeDigits(traditional) === unit) return traditional;
	}
	return unit;
}

const CHINESE_DIGIT: Record<string, number> = { 一: 1, 二: 2, 两: 2, 兩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 十二 → 12, 二十 → 20, 九十九 → 99; undefined beyond that (larger counts are written in digits). */
export function smallChineseNumber(text: string): number | undefined {
	if (CHINESE_DIGIT[text] !== undefined) return CHINESE_DIGIT[text];
	const match = /^([一二两兩三四五六七八九]?)十([一二三四五六七八九]?)$/u.exec(text);
	if (!match) return undefined;
	return (match[1] ? (CHINESE_DIGIT[match[1]] as number) : 1) * 10 + (match[2] ? (CHINESE_DIGIT[match[2]] as number) : 0);
}

/**
 * Counting words a figure written in Chinese numerals is counted in, longest first. 个 and 项
 * are left out here: 三个聚焦, 四项创新 name slogans far more often than they count (see
 * COUNTED_THINGS for when they do).
 */
const CHINESE_COUNTED = /([一二两兩三四五六七八九十]{1,3})(个小时|個小時|个月|個月|大类|大類|小时|小時|家|名|户|戶|天)/gu;
const TIME_UNIT = /^(?:个小时|個小時|个月|個月|小时|小時|天)$/u;
/**
 * Things that are counted, not slogans, after 个/项 written in Chinese numerals: 五个村庄,
 * 三项内容 count; 三个聚焦, 四项创新 do not.
 */
const COUNTED_THINGS =
	/([一二两兩三四五六七八九十]{1,3})([个個项項])(行政村|村庄|村莊|自然村|村|社区|社區|乡镇|鄉鎮|街道|企业|企業|部门|部門|单位|單位|合作社|党支部|黨支部|小组|小組|网格|網格|窗口|环节|環節|事项|事項|内容|內容|材料|证照|證照|岗位|崗位|家庭|片区|片區|基地|园区|園區|景区|景區)/gu;
/**
 * "7大领域", "六大板块": N major fields, a count of what follows 大. One digit only in Chinese
 * numerals: 十九大, 二十大 name party congresses.
 */
const MAJOR_COUNT = /(\d{1,2}|[两兩二三四五六七八九])大([\p{Script=Han}]{1,3}(?=[、，。；：,;:和与與及的等）)”」\s]|$)|[\p{Script=Han}]{2})/gu;

interface ChineseFigure {
	index: number;
	text: string;
	value: number;
	unit: string;
	/** The thing counted, when the text names it right after the figure (五个村庄 → 村庄). */
	counted?: string;
}

/**
 * Figures written in Chinese numerals (六家, 六大类, 一个小时, 五个村庄) and N大 counts (7大领域).
 * Ordinals (第五家), quoted slogans and one of a kind are not; a time limit in quotes
 * (“一天办结”) is a commitment measured in time and is.
 */
function chineseFigures(text: string): ChineseFigure[] {
	const found: ChineseFigure[] = [];
	const ordinalOrSlogan = (index: number, unit: string) => {
		const before = text[index - 1] ?? '';
		if (/[“「]/u.test(before)) return !TIME_UNIT.test(unit);
		return /[第初周礼禮统統唯一二三四五六七八九十]/u.test(before);
	};
	for (const match of text.matchAll(CHINESE_COUNTED)) {
		const [whole, digits = '', unit = ''] = match;
		if (ordinalOrSlogan(match.index, unit)) continue;
		const value = smallChineseNumber(digits);
		if (value === undefined || (value < 2 && !TIME_UNIT.test(unit))) continue;
		found.push({ index: match.index, text: whole, value, unit });
	}
	for (const match of text.matchAll(COUNTED_THINGS)) {
		const [whole, digits = '', unit = '', counted = ''] = match;
		const value = smallChineseNumber(digits);
		if (ordinalOrSlogan(match.index, unit) || value === undefined || value < 2) continue;
		found.push({ index: match.index, text: whole, value, unit: normalizeDigits(unit), counted });
	}
	for (const match of text.matchAll(MAJOR_COUNT)) {
		const [whole, digits = '', counted = ''] = match;
		if (/^[类類]/u.test(counted) || /[十第]/u.test(text[match.index - 1] ?? '') || ordinalOrSlogan(match.index, '')) continue;
		const value = /\d/.test(digits) ? Number(digits) : smallChineseNumber(digits);
		if (value === undefined || value < 2 || /[\dA-Za-z.]/.test(text[match.index - 1] ?? '')) continue;
		found.push({ index: match.index, text: whole, value, unit: counted, counted });
	}
	return found;
}

/** The label of a count whose thing is named after it: the words before that say which (集成改革领域), else the thing. */
function countedLabel(text: string, figure: ChineseFigure): string {
	// Only the words before the figure: what follows it is the thing counted itself.
	const label = labelFor(text.slice(0, figure.index + figure.text.length), figure.index, figure.text.length, '');
	const which = label.split(/[的之]/u).pop() ?? '';
	if (!figure.counted) return label;
	return countHanChars(which) >= 2 && countHanChars(which) <= 4 && !which.endsWith(figure.counted) ? `${which}${figure.counted}` : figure.counted;
}

/** The words a label adds to the text's own (个数, 数量, 用时) in the case's script. */
function labelInScript(label: string, script: 'hans' | 'hant', unit: string): string {
	if (script === 'hans') return label;
	if (unit && label === `${unit}数`) return `${unitInScript(unit, script)}數`;
	return label
		.replace(/(.)数$/u, (_, u: string) => `${unitInScript(u, script)}數`)
		.replace(/^数量$/u, '數量')
		.replace(/用时$/u, '用時');
}

/** Every figure of a paragraph as a metric, in text order (figures after 第, like 第3名, are ranks, not counts). */
export function metricsFromText(text: string, line: number, script: 'hans' | 'hant' = 'hans'): ExtractedMetric[] {
	const found: Array<{ index: number; metric: ExtractedMetric }> = [];
	for (const figure of chineseFigures(text)) {
		const label = figure.counted ? countedLabel(text, figure) : labelFor(text, figure.index, figure.text.length, figure.unit);
		const unit = figure.counted ? figure.unit : unitInScript(figure.unit, script);
		found.push({
			index: figure.index,
			metric: { label: labelInScript(label, script, figure.unit), value: figure.value, unit, text: figure.text, line },
		});
	}
	for (const figure of findFigures(text)) {
		const label = labelInScript(labelFor(text, figure.index, figure.text.length, figure.unit), script, figure.unit);
		const metric: ExtractedMetric = { label, value: figure.value, unit: unitInScript(figure.unit, script), text: figure.text, line };
		if (figure.qualifier) metric.qualifier = figure.qualifier;
		found.push({ index: figure.index, metric });
	}
	return found
		.sort((a, b) => a.index - b.index)
		.map(({ index, metric }) => {
			const period = periodFor(text, index);
			return period ? { ...metric, period } : metric;
		});
}
