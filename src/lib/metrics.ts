/**
 * Figures as they are written in Chinese case texts: "1.2万人次", "上万次", "58.3%",
 * "2.54亿元", "300余人". Parsing keeps the exact wording and normalises the value so
 * figures can be compared and sorted (1.2万人次 → 12000 人次).
 */

/** Words that make a figure approximate. Order matters: longer forms first. */
export const QUALIFIERS = ['上万', '以上', '左右', '余', '多', '超', '逾', '近', '约', '不足'] as const;
/** How a figure is approximate; 超过 is recorded as 超, 上千/数百 and the like as 多. */
export type Qualifier = (typeof QUALIFIERS)[number];

const PREFIX_QUALIFIERS = ['超过', '超', '逾', '近', '约', '不足'] as const;
const SUFFIX_QUALIFIERS = ['以上', '左右', '余', '多'] as const;

const MAGNITUDES: Record<string, number> = { 万: 1e4, 亿: 1e8, 千: 1e3, 百: 1e2 };

/**
 * Measure words that count things named after the figure (8个专题, 336件事项, 50万棒菌棒);
 * amounts (元, %, 亩) name what they measure before it. Labels are read accordingly.
 */
export const COUNTING_UNITS = [
	'个',
	'件',
	'项',
	'名',
	'家',
	'户',
	'条',
	'所',
	'座',
	'处',
	'支',
	'台',
	'辆',
	'套',
	'间',
	'栋',
	'篇',
	'本',
	'册',
	'份',
	'张',
	'批',
	'类',
	'株',
	'棵',
	'头',
	'只',
	'位',
	'例',
	'起',
	'宗',
	'笔',
	'幅',
	'首',
	'部',
	'集',
	'节',
	'门',
	'场',
	'期',
	'村',
	'组',
	'队',
	'棒',
] as const;

/**
 * Units a figure may carry, longest first so 人次 wins over 人. Counting words are kept
 * deliberately broad: compendium texts count households, villages, hectares, visits.
 */
export const KNOWN_UNITS = [
	'个月',
	'平方公里',
	'平方米',
	'立方米',
	'公顷',
	'公里',
	'千米',
	'万元',
	'亿元',
	'余元',
	'人次',
	'户次',
	'车次',
	'架次',
	'批次',
	'场次',
	'家次',
	'个百分点',
	'%',
	'‰',
	'元',
	'人',
	'次',
	'亩',
	'吨',
	'斤',
	'米',
	'镇',
	'乡',
	'年',
	'天',
	'小时',
	'分钟',
	'分',
	'方',
	'口',
	'倍',
	'千瓦',
	'万千瓦',
	'兆瓦',
	'床',
	'单',
	'课',
	'轮',
	'届',
	'区',
	...COUNTING_UNITS,
] as const;

/** A figure read from text: its exact wording, comparable value and base unit. */
export interface ParsedFigure {
	/** Normalised value: 1.2万 → 12000; a percentage stays a percentage (58.3). */
	value: number;
	/** Base unit after the magnitude is taken out: 亿元 → 元, 万人次 → 人次. */
	unit: string;
	qualifier?: Qualifier;
	/** The figure exactly as written. */
	text: string;
}

const UNIT_PATTERN = [...KNOWN_UNITS].sort((a, b) => b.length - a.length).join('|');

const FULLWIDTH_DIGITS = /[０-９．％]/g;

/**
 * Traditional forms of the characters figures are written with, folded one-for-one so
 * offsets in the folded text are offsets in the original ("1.2萬人次" parses like "1.2万人次").
 */
const TRADITIONAL_FIGURE_CHARS: Record<string, string> = {
	萬: '万',
	億: '亿',
	餘: '余',
	個: '个',
	項: '项',
	場: '场',
	戶: '户',
	處: '处',
	畝: '亩',
	噸: '吨',
	輛: '辆',
	間: '间',
	臺: '台',
	條: '条',
	張: '张',
	門: '门',
	頭: '头',
	隻: '只',
	屆: '届',
	節: '节',
	課: '课',
	輪: '轮',
	筆: '笔',
	單: '单',
	車: '车',
	約: '约',
	過: '过',
	數: '数',
	幾: '几',
	級: '级',
	樁: '桩',
	棟: '栋',
	據: '据',
	書: '书',
	冊: '册',
	們: '们',
	組: '组',
	隊: '队',
	鎮: '镇',
	鄉: '乡',
	點: '点',
	時: '时',
	鐘: '钟',
};
const TRADITIONAL_FIGURE_PATTERN = new RegExp(`[${Object.keys(TRADITIONAL_FIGURE_CHARS).join('')}]`, 'gu');

/**
 * Folds full-width digits to ASCII and traditional counting characters to simplified,
 * one character for one, so "９９．５％" and "1.2萬人次" parse like "99.5%" and "1.2万人次".
 */
export function normalizeDigits(text: string): string {
	return text
		.replace(FULLWIDTH_DIGITS, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
		.replace(TRADITIONAL_FIGURE_PATTERN, (c) => TRADITIONAL_FIGURE_CHARS[c] ?? c);
}

/** Matches one figure with its unit anywhere in running text. */
export const FIGURE_PATTERN = new RegExp(
	`(?:(${PREFIX_QUALIFIERS.join('|')}))?` +
		`(?:(\\d+(?:,\\d{3})*(?:\\.\\d+)?)\\s*([万亿千百]{0,2})|(上万|上千|上百|数万|数千|数百))` +
		`(${SUFFIX_QUALIFIERS.join('|')})?` +
		`(${UNIT_PATTERN})` +
		`(${SUFFIX_QUALIFIERS.join('|')})?`,
	'gu',
);

/** Parses a figure written on its own, e.g. "1.2万人次". Returns undefined if it is not one figure. */
export function parseFigure(text: string): ParsedFigure | undefined {
	const source = normalizeDigits(text.trim());
	const pattern = new RegExp(FIGURE_PATTERN.source, 'u');
	const match = pattern.exec(source);
	if (!match || match.index !== 0 || match[0].length !== source.length) return undefined;
	return figureFromMatch(match, text.trim());
}

/**
 * Every figure with a unit in a running text, in order, with its offset. Ordinals (第3名)
 * and digits glued to a longer code (ICP备17016663号, V2.0) are not figures.
 */
export function findFigures(text: string): Array<ParsedFigure & { index: number }> {
	const source = normalizeDigits(text);
	const figures: Array<ParsedFigure & { index: number }> = [];
	for (const match of source.matchAll(FIGURE_PATTERN)) {
		const before = source[match.index - 1];
		if (before === '第' || (before !== undefined && /[A-Za-z0-9.\-_/]/.test(before))) continue;
		const original = text.slice(match.index, match.index + match[0].length);
		const figure = figureFromMatch(match, original);
		if (figure && !isCalendarYear(figure)) figures.push({ ...figure, index: match.index });
	}
	return figures;
}

/** "2023年" is a date, not a figure; "3年" is a duration and stays. */
function isCalendarYear(figure: ParsedFigure): boolean {
	return figure.unit === '年' && Number.isInteger(figure.value) && figure.value >= 1900 && figure.value <= 2100;
}

function figureFromMatch(match: RegExpMatchArray, original: string): ParsedFigure | undefined {
	const [, prefix, digits, magnitude = '', vague, innerSuffix, rawUnit = '', outerSuffix] = match;
	let value: number;
	let qualifier: Qualifier | undefined;
	if (digits !== undefined) {
		value = Number(digits.replace(/,/g, ''));
		for (const ch of magnitude) value *= MAGNITUDES[ch] ?? 1;
	} else if (vague) {
		value = MAGNITUDES[vague[1] as string] ?? 1;
		qualifier = vague === '上万' ? '上万' : '多';
	} else {
		return undefined;
	}
	let unit = rawUnit;
	const unitMagnitude = /^(万|亿)(.+)$/u.exec(unit);
	if (unitMagnitude && unitMagnitude[2] !== '千瓦') {
		value *= MAGNITUDES[unitMagnitude[1] as string] ?? 1;
		unit = unitMagnitude[2] as string;
	}
	if (unit === '余元') {
		unit = '元';
		qualifier ??= '余';
	}
	const written = prefix ?? innerSuffix ?? outerSuffix;
	if (written) qualifier ??= (written === '超过' ? '超' : written) as Qualifier;
	if (!Number.isFinite(value)) return undefined;
	const figure: ParsedFigure = { value: roundFloat(value), unit, text: original };
	if (qualifier) figure.qualifier = qualifier;
	return figure;
}

/** Removes binary floating-point noise: 1.02 * 1e8 → 102000000, not 102000000.00000001. */
function roundFloat(value: number): number {
	return Number(value.toPrecision(12));
}
