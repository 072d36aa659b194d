/**
 * Administrative divisions at county level and above (GB/T 2260 codes), backed by
 * @vant/area-data so that nobody hand-types a table of ~3,900 divisions.
 *
 * The data package models a few things that are not GB/T 2260 divisions (towns given
 * invented "county" codes under cities without districts); `isDivisionCode` rejects
 * those so a case can never claim a code that does not exist in the standard.
 */
import { areaList } from '@vant/area-data';

/** Which of the three tiers a division is on; a municipality is on the first two, under two codes (110000, 110100). */
export type DivisionLevel = 'province' | 'city' | 'county';

/** One division: its six-digit GB/T 2260 code, its official name and tier. */
export interface Division {
	code: string;
	name: string;
	level: DivisionLevel;
}

/** Cities that have no districts: the data package lists their towns under invented codes. */
const CITIES_WITHOUT_DISTRICTS = new Set(['441900', '442000', '460400', '620200']);
/** Taiwan, Hong Kong and Macau have invented sub-codes in the data package. */
const INVENTED_SUBCODE_PROVINCES = new Set(['71', '81', '82']);
/** Pseudo-cities grouping the counties directly under a province: real codes, but not a city. */
const PSEUDO_CITIES = new Set(['419000', '429000', '469000', '659000']);

const byCode = new Map<string, Division>();
for (const [code, name] of Object.entries(areaList.province_list)) {
	byCode.set(code, { code, name, level: 'province' });
}
for (const [code, name] of Object.entries(areaList.city_list)) {
	if (byCode.has(code)) continue;
	byCode.set(code, { code, name, level: 'city' });
}
for (const [code, name] of Object.entries(areaList.county_list)) {
	const parentCity = `${code.slice(0, 4)}00`;
	if (CITIES_WITHOUT_DISTRICTS.has(parentCity)) continue;
	if (INVENTED_SUBCODE_PROVINCES.has(code.slice(0, 2))) continue;
	byCode.set(code, { code, name, level: 'county' });
}

/** Every division, in code order (stable for pages and tests). */
export const allDivisions: readonly Division[] = [...byCode.values()].sort((a, b) => a.code.localeCompare(b.code));

/** True when `code` is a real county-level-or-above division in the data. */
export function isDivisionCode(code: string): boolean {
	return byCode.has(code);
}

/** The division with this code, or undefined for any code `isDivisionCode` rejects. */
export function getDivision(code: string): Division | undefined {
	return byCode.get(code);
}

/** A city-level code that only groups counties: no reader knows it as a city. */
function isGrouping(city: Division, province: Division | undefined): boolean {
	return PSEUDO_CITIES.has(city.code) || city.name === '县' || city.name === province?.name;
}

/**
 * The chain from province down to the division itself, e.g. 浙江省 › 衢州市 › 常山县.
 * Groupings that are no city are left out, as official writing leaves them out
 * (北京市朝阳区, 重庆市秀山土家族苗族自治县): the pseudo-cities of counties directly under a
 * province (省直辖县级行政区划), a municipality's district and county groups (the data names
 * them after the municipality, or 县).
 */
export function regionChain(code: string): Division[] {
	const self = byCode.get(code);
	if (!self) return [];
	const chain: Division[] = [];
	const province = byCode.get(`${code.slice(0, 2)}0000`);
	if (province) chain.push(province);
	if (self.level === 'county') {
		const cityCode = `${code.slice(0, 4)}00`;
		const city = byCode.get(cityCode);
		if (city && !isGrouping(city, province)) chain.push(city);
	}
	if (self.level !== 'province') chain.push(self);
	return chain;
}

/** The full name of a division, e.g. 浙江省衢州市常山县 (municipalities are not doubled). */
export function fullRegionName(code: string): string {
	const names = regionChain(code).map((d) => d.name);
	return names.filter((name, i) => name !== names[i - 1]).join('');
}

/** Strips the administrative suffix so 常山县 and 常山 compare equal. */
export function shortName(name: string): string {
	return name.replace(/(?:特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|自治州|自治县|自治旗|地区|新区|林区|省|市|县|区|盟|旗)$/u, '');
}

/** Divisions whose name (or name without its suffix) equals `name`. */
export function findDivisionsByName(name: string): Division[] {
	const wanted = name.trim();
	if (!wanted) return [];
	const exact = allDivisions.filter((d) => d.name === wanted);
	if (exact.length > 0) return exact;
	const short = shortName(wanted);
	if (short.length < 2) return [];
	return allDivisions.filter((d) => shortName(d.name) === short);
}

/**
 * Divisions a mistyped code or name most likely meant, best first: codes that differ in
 * one digit, then names that contain (or are contained in) the text.
 */
export function suggestDivisions(codeOrName: string, limit = 3): Division[] {
	const text = codeOrName.trim();
	if (/^\d{6}$/.test(text)) {
		// One digit off; a typo in the last digits keeps the province and city, so rank those first.
		const scored = allDivisions
			.map((d) => ({ d, distance: hamming(d.code, text), firstDifference: firstDifference(d.code, text) }))
			.filter((s) => s.distance === 1)
			.sort((a, b) => b.firstDifference - a.firstDifference || a.d.code.localeCompare(b.d.code));
		return scored.slice(0, limit).map((s) => s.d);
	}
	const byName = findDivisionsByName(text);
	if (byName.length > 0) return byName.slice(0, limit);
	const short = shortName(text);
	if (short.length < 2) return [];
	return allDivisions.filter((d) => d.name.includes(short)).slice(0, limit);
}

function firstDifference(a: string, b: string): number {
	let i = 0;
	while (i < a.length && a[i] === b[i]) i++;
	return i;
}

function hamming(a: string, b: string): number {
	let distance = 0;
	for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) distance++;
	return distance;
}

/**
 * The one-character abbreviation (简称) of each province-level division, as the State Council's
 * list gives it, keyed by GB/T 2260 code: the data package has names only. Abbreviations that
 * are everyday characters as often as names (京 新 宁 青 吉 黑 云 甘 贵, and the SARs and
 * Taiwan) are left out: they would be read into ordinary words.
 */
export const PROVINCE_ABBREVIATIONS: Readonly<Record<string, string>> = {
	'120000': '津',
	'130000': '冀',
	'140000': '晋',
	'150000': '蒙',
	'210000': '辽',
	'310000': '沪',
	'320000': '苏',
	'330000': '浙',
	'340000': '皖',
	'350000': '闽',
	'360000': '赣',
	'370000': '鲁',
	'410000': '豫',
	'420000': '鄂',
	'430000': '湘',
	'440000': '粤',
	'450000': '桂',
	'460000': '琼',
	'500000': '渝',
	'510000': '川',
	'520000': '黔',
	'530000': '滇',
	'540000': '藏',
	'610000': '陕',
	'620000': '陇',
};

/** Formats a division for messages: 常山县 (330822, 浙江省衢州市常山县). */
export function describeDivision(d: Division): string {
	return `${d.name} (${d.code}, ${fullRegionName(d.code)})`;
}
