/**
 * Place names in a case → a GB/T 2260 division. Names are looked up in the division data
 * (src/lib/regions.ts) under their full form (通道侗族自治县) and their everyday form
 * (通道县: autonomous divisions lose the ethnic qualifier in running text). Mentions are
 * weighted by where they occur — the unit line says more than a passing mention in the
 * text — and a county gains weight when its city or province is mentioned too, which is
 * also how same-named counties are told apart. Nothing is guessed silently: ties and
 * unresolved names come back as warnings.
 */
import { allDivisions, fullRegionName, getDivision, PROVINCE_ABBREVIATIONS, shortName, type Division } from '../regions.ts';
import { isHan } from './cjk.ts';
import { importMessages as m } from '../i18n/messages/index.ts';

/** A division named in the document, weighted by where the name occurs. */
export interface PlaceMention {
	division: Division;
	/** The name as matched (simplified). */
	name: string;
	weight: number;
	/** Where it was found, for the report: "unit", "title", "text" … */
	where: string;
}

/** Names that are ordinary words as often as places; only an exact unit line counts them. */
const GENERIC_NAMES = new Set(['城区', '矿区', '郊区', '东区', '西区', '新区', '市中区', '城中区', '九龙', '新界', '离岛']);
/** Zones the data lists without the place they belong to (高新区, 经济技术开发区): any city's zone. */
const PLACELESS_ZONE = /^(?:经济技术|经济|高新技术|高新|工业)?(?:开发区|园区)$|^高新区$/u;
/**
 * Base names (no suffix) that are common words: never read as a place at the start of a title.
 * Province names (河南, 山东) are not among them: at the start of a title they are the province.
 */
const COMMON_WORD_BASES = new Set([
	'东方',
	'和平',
	'长安',
	'新华',
	'平安',
	'长治',
	'永和',
	'兴业',
	'和顺',
	'大同',
	'太平',
	'通道',
	'城关',
	'中山',
	'江南',
	'开放',
	'团结',
	'建设',
	'红旗',
	'前进',
	'胜利',
	'光明',
	'新城',
	'城中',
	'文明',
	'和谐',
	'长春',
	'安全',
	'振兴',
	'友谊',
	'宁安',
	'安宁',
	'永安',
	'长寿',
	'富民',
	'青山',
	'新民',
	'新兴',
	'兴安',
	'定安',
	'安定',
	'龙华',
	'城北',
	'城东',
	'城西',
	'城南',
	'江北',
	'河东',
	'河西',
	'西安',
	'南京',
	'宝山',
	'普陀',
	'黄浦',
	'鼓楼',
	'白云',
	'天河',
	'海珠',
]);

interface PlaceIndex {
	/** Full and everyday names with a suffix → divisions. */
	byName: Map<string, Division[]>;
	/** Names without suffix → divisions (常山 → 常山县). */
	byBase: Map<string, Division[]>;
	maxLength: number;
}

let index: PlaceIndex | undefined;

function add(map: Map<string, Division[]>, key: string, division: Division): void {
	if ([...key].length < 2) return;
	const list = map.get(key) ?? [];
	if (!list.some((d) => d.code === division.code)) list.push(division);
	map.set(key, list);
}

/** The 55 recognised ethnic minorities, as autonomous divisions name them (longest first). */
const ETHNIC_GROUPS = [
	'柯尔克孜',
	'乌孜别克',
	'维吾尔',
	'哈萨克',
	'达斡尔',
	'塔吉克',
	'俄罗斯',
	'鄂温克',
	'鄂伦春',
	'塔塔尔',
	'蒙古',
	'布依',
	'朝鲜',
	'土家',
	'哈尼',
	'傈僳',
	'高山',
	'拉祜',
	'东乡',
	'纳西',
	'景颇',
	'仫佬',
	'布朗',
	'撒拉',
	'毛南',
	'仡佬',
	'锡伯',
	'阿昌',
	'普米',
	'德昂',
	'保安',
	'裕固',
	'独龙',
	'门巴',
	'珞巴',
	'基诺',
	'赫哲',
	'回',
	'藏',
	'苗',
	'彝',
	'壮',
	'满',
	'侗',
	'瑶',
	'白',
	'傣',
	'黎',
	'佤',
	'畲',
	'水',
	'土',
	'羌',
	'怒',
	'京',
];
const AUTONOMOUS = new RegExp(`^(.+?)((?:${ETHNIC_GROUPS.join('|')})族?)+自治(县|州|旗)$`, 'u');

/** The name without suffix or ethnic qualifier: 通道侗族自治县 → 通道, 恩施土家族苗族自治州 → 恩施. */
export function baseName(name: string): string {
	const autonomous = AUTONOMOUS.exec(name) ?? /^(.+?)()自治(县|州|旗)$/u.exec(name);
	if (autonomous?.[1]) return autonomous[1];
	return shortName(name);
}

function placeIndex(): PlaceIndex {
	if (index) return index;
	const byName = new Map<string, Division[]>();
	const byBase = new Map<string, Division[]>();
	for (const division of allDivisions) {
		add(byName, division.name, division);
		const base = baseName(division.name);
		const autonomous = /自治(县|州|旗)$/u.exec(division.name);
		if (autonomous?.[1] && [...base].length >= 2) add(byName, base + autonomous[1], division);
		if ([...base].length >= 2) add(byBase, base, division);
	}
	// A municipality is listed twice (110000 and its city 110100): the province stands for both.
	for (const [name, list] of byName) {
		if (list.length > 1) {
			const provinces = list.filter((d) => d.level === 'province');
			if (provinces.length === 1 && list.every((d) => d.code.startsWith((provinces[0] as Division).code.slice(0, 2)))) byName.set(name, provinces);
		}
	}
	let maxLength = 2;
	for (const key of byName.keys()) maxLength = Math.max(maxLength, [...key].length);
	index = { byName, byBase, maxLength };
	return index;
}

/**
 * Every division named (with its suffix) in a simplified text, leftmost-longest. A two-character
 * name (夏县, 南县) only counts at a word boundary, so 湖南县域 does not name 南县.
 */
export function findPlaceMentions(text: string, weight: number, where: string): PlaceMention[] {
	const { byName, maxLength } = placeIndex();
	const chars = [...text];
	const mentions: PlaceMention[] = [];
	for (let i = 0; i < chars.length; i++) {
		if (!isHan(chars[i])) continue;
		for (let len = Math.min(maxLength, chars.length - i); len >= 2; len--) {
			const name = chars.slice(i, i + len).join('');
			const divisions = byName.get(name);
			if (!divisions) continue;
			if (GENERIC_NAMES.has(name) || PLACELESS_ZONE.test(name)) continue;
			if (len === 2 && isHan(chars[i - 1]) && !/[省市州盟区县旗]/u.test(chars[i - 1] as string) && !followsPlaceName(chars, i)) continue;
			for (const division of divisions) mentions.push({ division, name, weight, where });
			i += len - 1;
			break;
		}
	}
	return mentions;
}

/** True when the characters before `i` end with a province's or city's name without suffix: 安徽|黟县, 衡阳|南岳区. */
function followsPlaceName(chars: string[], i: number): boolean {
	const { byBase } = placeIndex();
	for (const len of [2, 3]) {
		if (i < len) continue;
		const before = chars.slice(i - len, i).join('');
		if (byBase.get(before)?.some((d) => d.level !== 'county') && !COMMON_WORD_BASES.has(before)) return true;
	}
	return false;
}

const ABBREVIATED_REGION = new RegExp(`([${Object.values(PROVINCE_ABBREVIATIONS).join('')}])(?:东南|西南|东北|西北|东|西|南|北|中)`, 'gu');

/**
 * Provinces named by their abbreviation in a word for part of them — 鲁南经济圈, 苏北, 皖南山区,
 * 陕北 — as a province-level mention. A word that is itself a division's name elsewhere (桂东县
 * is in Hunan) is not one.
 */
export function findAbbreviatedProvinces(text: string, weight: number, where: string): PlaceMention[] {
	const { byBase } = placeIndex();
	const byAbbreviation = new Map(Object.entries(PROVINCE_ABBREVIATIONS).map(([code, abbreviation]) => [abbreviation, code]));
	const mentions: PlaceMention[] = [];
	for (const match of text.matchAll(ABBREVIATED_REGION)) {
		const code = byAbbreviation.get(match[1] as string) as string;
		if (byBase.get(match[0])?.some((d) => !d.code.startsWith(code.slice(0, 2)))) continue;
		const division = getDivision(code);
		if (division) mentions.push({ division, name: match[0], weight, where });
	}
	return mentions;
}

/** A suffixless name at the very start of a title or unit: 常山党史学习… → 常山县. */
export function findBaseNameAtStart(text: string, weight: number, where: string): PlaceMention[] {
	const { byBase } = placeIndex();
	const chars = [...text];
	for (let len = Math.min(6, chars.length); len >= 2; len--) {
		const base = chars.slice(0, len).join('');
		if (COMMON_WORD_BASES.has(base)) continue;
		const divisions = byBase.get(base);
		if (!divisions?.length) continue;
		return divisions.map((division) => ({ division, name: base, weight, where }));
	}
	return [];
}

/** The division a case's place mentions add up to, with the evidence and what the editor should check. */
export interface RegionResolution {
	code?: string;
	/** How sure: a single county-level division clearly ahead of the rest. */
	certain: boolean;
	/** "常山县 (330822, 浙江省衢州市常山县) from 常山 in the issue title" */
	evidence: string;
	/** Messages for the editor when it is not certain. */
	problems: string[];
}

/** Picks the division the mentions point at, most specific first. */
export function resolveRegion(mentions: PlaceMention[]): RegionResolution {
	if (mentions.length === 0) {
		return { certain: false, evidence: '', problems: [m.noPlace()] };
	}
	const scores = new Map<string, { division: Division; score: number; names: Set<string>; where: Set<string> }>();
	for (const m of mentions) {
		const entry = scores.get(m.division.code) ?? { division: m.division, score: 0, names: new Set(), where: new Set() };
		entry.score += m.weight;
		entry.names.add(m.name);
		entry.where.add(m.where);
		scores.set(m.division.code, entry);
	}
	// Ancestors named in the document confirm a county (and tell same-named ones apart).
	const mentionedCodes = new Set(scores.keys());
	for (const entry of scores.values()) {
		const code = entry.division.code;
		const cityCode = `${code.slice(0, 4)}00`;
		const provinceCode = `${code.slice(0, 2)}0000`;
		if (entry.division.level === 'county') {
			if (mentionedCodes.has(cityCode)) entry.score += 2;
			if (mentionedCodes.has(provinceCode)) entry.score += 1;
		} else if (entry.division.level === 'city' && mentionedCodes.has(provinceCode)) {
			entry.score += 1;
		}
	}
	const byLevel = (level: Division['level']) =>
		[...scores.values()]
			.filter((e) => e.division.level === level)
			.sort((a, b) => b.score - a.score || a.division.code.localeCompare(b.division.code));
	for (const level of ['county', 'city', 'province'] as const) {
		const ranked = byLevel(level);
		const best = ranked[0];
		if (!best) continue;
		const problems: string[] = [];
		const describe = (e: typeof best) => `${e.division.name} (${e.division.code}, ${fullRegionName(e.division.code)})`;
		const evidence = `${describe(best)} from ${[...best.names].join('/')} in the ${[...best.where].join(', ')}`;
		// A same-named division only rivals the best when nothing (a city, a province) sets them apart.
		const sameName = ranked.slice(1).filter((e) => e.score === best.score && [...e.names].some((n) => best.names.has(n)));
		const others = ranked.slice(1).filter((e) => e.score >= best.score * 0.75 && ![...e.names].some((n) => best.names.has(n)));
		if (sameName.length > 0) {
			problems.push(m.ambiguousPlace([...best.names].join('/'), [best, ...sameName].map(describe).join(' / ')));
		} else if (others.length > 0) {
			problems.push(m.otherPlaces(others.slice(0, 3).map(describe).join(', '), best.division.name));
		}
		if (level !== 'county') {
			problems.push(m.onlyLevel(level, best.division.name));
		}
		return { code: best.division.code, certain: problems.length === 0, evidence, problems };
	}
	return { certain: false, evidence: '', problems: [m.noPlace()] };
}

/** Parses a --region flag: a code, or a name resolved through the division data. */
export function divisionFromFlag(value: string): Division | Division[] | undefined {
	if (/^\d{6}$/.test(value)) return getDivision(value);
	const mentions = findPlaceMentions(value, 1, 'flag');
	const unique = [...new Map(mentions.map((m) => [m.division.code, m.division])).values()];
	if (unique.length === 1) return unique[0];
	if (unique.length > 1) {
		// "湖南省衡阳市常宁市": the most specific of a consistent chain.
		const counties = unique.filter((d) => d.level === 'county');
		if (counties.length === 1) return counties[0];
		return unique;
	}
	const base = findBaseNameAtStart(value, 1, 'flag').map((m) => m.division);
	return base.length === 1 ? base[0] : base.length > 1 ? base : undefined;
}
