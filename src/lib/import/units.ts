/**
 * Reporting units as documents write them: a line of its own (县委组织部, 盐湖区,
 * 洋泉镇党委) heading a section, a prefix of a title (常宁市：打好…), or the subject that
 * opens the first sentence (今年来，常宁市洋泉镇充分发挥…). Matching runs on the simplified
 * form; what is returned is the text as written.
 */
import { countHan } from './cjk.ts';
import { findBaseNameAtStart, findPlaceMentions } from './places.ts';
import { toSimplified } from './script.ts';

const ORG_END = /(?:部|局|办|办公室|委|委员会|党委|党工委|党组|政府|人民政府|中心|室|所|站|院|会|处|科|队|厅|署|社)$/u;
const ADMIN_ORG =
	/^(?:中共)?[\p{Script=Han}]{0,10}?(?:省|市|县|区|旗|州|盟|镇|乡|街道)(?:委|政府|人民政府|党委|党工委|人大|政协|纪委|纪委监委|委员会)/u;
const ADMIN_DEPARTMENT = /^(?:省|市|县|区|州|旗)[\p{Script=Han}]{1,8}(?:局|办|办公室|中心|部)$/u;
const TOWNSHIP_UNIT = /^[\p{Script=Han}]{1,8}(?:镇|乡|街道|社区|村)(?:党委|党工委|党总支|党支部|人民政府|政府|委员会|居委会|村委会)?$/u;
/** Words ending in 乡, 镇, 村 that are not place names. */
const NOT_TOWNSHIPS =
	/(?:乡村|农村|山村|城乡|家乡|故乡|下乡|返乡|回乡|老乡|山乡|水乡|他乡|异乡|苗乡|侗乡|城镇|乡镇|集镇|村镇|小镇|重镇|古镇|名镇|新村|示范村|强村|富村|全村|本村|各村|该村|全镇|全乡|本镇|该镇|各镇|各乡|美丽乡村|和美乡村|数字乡村)(?:党委|党工委|人民政府|政府|委员会)?$/u;
const VERBS =
	/带动|領办|领办|积极|通过|通過|打造|建设|推进|推动|创建|开展|激发|助力|赋能|实施|探索|构建|提升|强化|聚焦|坚持|做好|抓好|创新|深化|建立|完善|促进|引领|激活|破解|解决|答好|书写|绘就|走出|点亮|守护|筑牢|夯实/u;

const UNIT_LABEL = /^(?:申报单位|申報單位|报送单位|報送單位|供稿单位|供稿單位|推荐单位|推薦單位|作者单位|作者單位|单位|單位)\s*[:：]\s*/u;

/** The unit a unit line names, without a label such as 申报单位：. */
export function unitName(text: string): string {
	return text.trim().replace(UNIT_LABEL, '').trim();
}

/** True when a line (on its own) names a reporting unit rather than saying something. */
export function isUnitLine(text: string): boolean {
	// A masked name (XX县委组织部) is read like the name it stands for.
	const t = toSimplified(unitName(text)).replace(new RegExp(`^${MASK}`, 'u'), '某某');
	const length = [...t].length;
	if (length < 2 || length > 20 || countHan(t) !== length) return false;
	if (VERBS.test(t)) return false;
	const mentions = findPlaceMentions(t, 1, 'line');
	if (mentions.length > 0 && mentions.every((m) => m.name === t)) return true;
	if (ADMIN_ORG.test(t) && ORG_END.test(t)) return true;
	if (ADMIN_DEPARTMENT.test(t)) return true;
	if (TOWNSHIP_UNIT.test(t) && !NOT_TOWNSHIPS.test(t) && !/[不让使把被的了]|[出进]村|下乡/u.test(t) && length >= 3) return true;
	return false;
}

const TIME_LEAD =
	/^(?:今年以[来來]|今年[来來]|近年[来來]|近年以[来來]|近些年|近年|近几年[来來]|近幾年[來来]|近期|近日|日前|目前|去年以[来來]|\d{4}年(?:以[来來])?|自[^，,。]{1,30}?以[来來]|[^，,。]{2,24}?(?:开展|開展|实施|實施|启动|啟動|部署)以[来來])[，,]?\s*/u;
/** A masked place name, as documents shared as models write them: XX县, **街道, 某某镇, ××村. */
const MASK = '(?:[XxＸ×＊*]{2,3}|某某|某)';
const PLACE_SUFFIX = '(?:省|市|縣|县|區|区|旗|州|盟|鎮|镇|鄉|乡|街道|社區|社区|村)';
/** One link of a place chain: a name with its suffix. */
const PLACE_TOKEN = new RegExp(`^(?:${MASK}[\\p{Script=Han}]{0,6}?|[\\p{Script=Han}]{1,8}?)${PLACE_SUFFIX}`, 'u');
const MASKED_PLACE = new RegExp(`^${MASK}`, 'u');
/** A village or community named after a place-like word: 固县 + 村 is the village 固县村, not the county 固县. */
const VILLAGE_AFTER = /^(?:村|社區|社区)/u;
/** Zones a city or county sets up, named after it: 长沙经开区, 某市高新技术产业开发区. */
const ZONE =
	/^[\p{Script=Han}]{2,4}?(?:经济技术开发区|經濟技術開發區|高新技术产业开发区|高新技術產業開發區|经济开发区|經濟開發區|经开区|經開區|高新区|高新區|开发区|開發區|新区|新區|综合试验区|綜合試驗區|自贸区|自貿區|保税区|保稅區|工业园区|工業園區)/u;
/** Words that end like a village or community but are not one. */
const NOT_VILLAGES = /^(?:农村|農村|乡村|鄉村|山村|城乡|城鄉|新村|全村|本村|该村|該村|各村|此村|示范村|示範村|强村|強村|富村|社区|社區)$/u;
const ORG_TAIL =
	/^(?:黨委|党委|黨工委|党工委|人民政府|政府|黨總支|党总支|黨支部|党支部|村委會|村委会|居委會|居委会|(?:縣|县|市|區|区|鎮|镇|鄉|乡)?委(?:組織部|组织部|宣傳部|宣传部|統戰部|统战部|政法委|辦公室|办公室)?)/u;
const FUNCTION_CHARS = /[和的在對对與与及等是為为將将把以從从向於于由被讓让使]/u;

/** Strips a leading time phrase: "今年来，" "自党史学习教育开展以来，". */
export function stripTimeLead(text: string): string {
	return text.replace(TIME_LEAD, '');
}

/**
 * The organisation a sentence opens with, as written: "今年來，通道縣大高坪苗族鄉持續…" →
 * 通道縣大高坪苗族鄉. The chain must start with a known division or a masked name (XX县), or be
 * a township or a zone named after a division (长沙经开区).
 */
export function leadingOrganisation(sentence: string): string | undefined {
	let rest = stripTimeLead(sentence.trim());
	let chain = '';
	for (;;) {
		const zone = chain ? undefined : ZONE.exec(rest)?.[0];
		let token = zone && findBaseNameAtStart(toSimplified(zone), 1, 'subject').length > 0 ? zone : PLACE_TOKEN.exec(rest)?.[0];
		if (!token || FUNCTION_CHARS.test(token) || /^[全本该該各我]/u.test(token) || VERBS.test(toSimplified(token))) break;
		const village = VILLAGE_AFTER.exec(rest.slice(token.length))?.[0];
		if (village && [...token].length === 2 && findPlaceMentions(toSimplified(token), 1, 'subject').length === 0) token += village;
		chain += token;
		rest = rest.slice(token.length);
	}
	if (!chain) return undefined;
	const simplified = toSimplified(chain);
	if (new RegExp(`^${NOT_TOWNSHIPS.source}`, 'u').test(simplified) || NOT_VILLAGES.test(simplified)) return undefined;
	const startsWithDivision = findPlaceMentions(simplified, 1, 'subject').some((m) => simplified.startsWith(m.name));
	const isTownship = /(?:镇|乡|街道)/u.test(simplified);
	if (!startsWithDivision && !isTownship && !isZoneOrMasked(simplified)) return undefined;
	const tail = ORG_TAIL.exec(rest)?.[0] ?? '';
	return chain + tail;
}

/** A zone named after a division (长沙经开区) or a masked place (XX县, **街道): simplified text. */
export function isZoneOrMasked(simplified: string): boolean {
	return MASKED_PLACE.test(simplified) || (ZONE.test(simplified) && findBaseNameAtStart(simplified, 1, 'subject').length > 0);
}

/**
 * The village or community a sentence opens with, without county or township: 牛家村先后荣获… →
 * 牛家村. Only a name, no verb run in (拓宽村级道路 is not a village); whether it is the case's
 * subject is for the caller to judge (a name the text repeats).
 */
export function leadingVillage(sentence: string): string | undefined {
	const match = /^[\p{Script=Han}]{2,6}?(?:村|社區|社区)/u.exec(stripTimeLead(sentence.trim()))?.[0];
	if (!match) return undefined;
	const simplified = toSimplified(match);
	if (FUNCTION_CHARS.test(simplified) || VERBS.test(simplified) || NOT_VILLAGES.test(simplified) || NOT_TOWNSHIPS.test(simplified)) return undefined;
	if (/^[全本该該各我此每]|[镇乡县市区]/u.test(simplified)) return undefined;
	return match;
}

/** Township, town or street named in a unit or subject: 大高坪苗族鄉, 洋泉镇, 上莊鎮. */
export function townshipOf(text: string): string | undefined {
	const match =
		/([\p{Script=Han}]{2,10}?(?:镇|鎮|乡|鄉|街道))(?:黨委|党委|黨工委|党工委|人民政府|政府)?$/u.exec(text) ??
		/(?:縣|县|市|區|区|旗)([\p{Script=Han}]{2,8}?(?:镇|鎮|乡|鄉|街道))/u.exec(text);
	const name = match?.[1];
	if (!name) return undefined;
	// Keep only the part after the last county-level suffix: 通道縣大高坪苗族鄉 → 大高坪苗族鄉.
	const parts = name.split(/(?<=[縣县市區区旗])/u);
	const township = parts[parts.length - 1] as string;
	const simplified = toSimplified(township);
	return [...township].length >= 2 && !NOT_TOWNSHIPS.test(simplified) && !VERBS.test(simplified) ? township : undefined;
}

/** Village or community named at the end of a unit, after its township or its county: 宋畈村, 金源村. */
export function villageOf(text: string): string | undefined {
	const match =
		/(?:镇|鎮|乡|鄉|街道)([\p{Script=Han}]{1,8}?(?:村|社區|社区))(?:黨支部|党支部|黨總支|党总支|村委會|村委会|居委會|居委会)?$/u.exec(text) ??
		/(?:縣|县|旗)([\p{Script=Han}]{1,8}?(?:村|社區|社区))(?:黨支部|党支部|黨總支|党总支|村委會|村委会|居委會|居委会)?$/u.exec(text);
	const village = match?.[1];
	return village && !NOT_VILLAGES.test(toSimplified(village)) ? village : undefined;
}

/** A title line split by `splitTitle`. */
export interface TitleParts {
	/** The headline without column or unit: 打好“屋场党建+三长制”组合拳，凝聚基层治理新合力 */
	title: string;
	/** A unit written before a colon: 常宁市. */
	unit?: string;
	/** A column name before 丨: 党建引领基层治理. */
	column?: string;
}

/** Splits "党建引领基层治理丨常宁市：打好…" into column, unit and headline. */
export function splitTitle(raw: string): TitleParts {
	let title = raw.trim();
	const parts: TitleParts = { title };
	const column = /^(.{2,16}?)\s*[丨|｜]\s*(.+)$/u.exec(title);
	if (column?.[1] && column[2]) {
		parts.column = column[1];
		title = column[2];
	}
	const unit = /^([^：:，,“”]{2,16})[：:]\s*(.+)$/u.exec(title);
	if (unit?.[1] && unit[2] && (isUnitLine(unit[1]) || findPlaceMentions(toSimplified(unit[1]), 1, 'title').length > 0)) {
		parts.unit = unit[1];
		title = unit[2];
	}
	parts.title = title;
	return parts;
}
