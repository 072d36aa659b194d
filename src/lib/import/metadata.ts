/**
 * Metadata an editor would otherwise type: title (when the source has none), unit,
 * region, summary and the issue's number. Each guess says where it came from, so the
 * report and the draft's review list can tell the editor what to confirm.
 */
import { importMessages as m } from '../i18n/messages/index.ts';
import { countHan } from './cjk.ts';
import {
	findAbbreviatedProvinces,
	findBaseNameAtStart,
	findPlaceMentions,
	resolveRegion,
	type PlaceMention,
	type RegionResolution,
} from './places.ts';
import { toSimplified } from './script.ts';
import { isZoneOrMasked, leadingOrganisation, leadingVillage, stripTimeLead, townshipOf, unitName, villageOf } from './units.ts';

const NAMED_INITIATIVE =
	/“[^”]{2,24}”(?:[\p{Script=Han}]{0,4}?)(?:专项行动|專項行動|行动|行動|工程|模式|机制|機制|制度|工作法|品牌|活动|活動|体系|體系|平台|平臺|计划|計劃)/u;

/** A guessed value with where it came from and whether the editor must confirm it. */
export interface Guess<T> {
	value: T;
	/** Said in the report and the review list: where the value came from. */
	from: string;
	certain: boolean;
}

/** The first sentence of a paragraph (up to and including 。！？). */
export function firstSentence(text: string): string {
	const end = /[。！？]/u.exec(text);
	return end ? text.slice(0, end.index + 1) : text;
}

/**
 * A title for a case whose source has none: a named initiative in the first sentence
 * (“固本强基、六步夺旗”专项行动), else the issue's topic, else the first clause with the
 * time phrase and the unit taken off (持续强化抓党建促基层治理).
 */
export function guessTitle(firstParagraph: string | undefined, issueTopic: string | undefined, unit: string | undefined): Guess<string> | undefined {
	const sentence = firstParagraph ? firstSentence(firstParagraph) : '';
	const named = NAMED_INITIATIVE.exec(sentence)?.[0];
	if (named) return { value: named, from: m.fromInitiative(), certain: false };
	if (issueTopic) return { value: issueTopic, from: m.fromIssueTitle(), certain: false };
	if (!sentence) return undefined;
	let clause = stripTimeLead(sentence);
	const org = leadingOrganisation(sentence);
	if (org && clause.startsWith(org)) clause = clause.slice(org.length);
	else if (unit && clause.startsWith(unit)) clause = clause.slice(unit.length);
	clause = clause.split(/[，。；：,;:！？]/u)[0]?.trim() ?? '';
	if (countHan(clause) < 4) return undefined;
	if ([...clause].length > 30) clause = [...clause].slice(0, 30).join('');
	return { value: clause, from: m.fromFirstClause(), certain: false };
}

/** One or two sentences for lists and search results: the first sentence, shortened at a clause. */
export function summarize(paragraphs: string[]): string | undefined {
	const first = paragraphs.find((p) => countHan(p) >= 10);
	if (!first) return undefined;
	let sentence = firstSentence(first).trim();
	const chars = [...sentence];
	if (chars.length > 150) {
		const cut = chars.slice(0, 150).join('');
		const lastComma = Math.max(cut.lastIndexOf('，'), cut.lastIndexOf('；'));
		sentence = `${lastComma > 40 ? cut.slice(0, lastComma) : cut}……`;
	}
	return sentence;
}

/**
 * The reporting unit: the section's unit line, a unit before the title's colon, the subject of
 * the subtitle (——某县某村开展…), or the first sentence's subject.
 */
export function guessUnit(
	sectionUnit: string | undefined,
	titleUnit: string | undefined,
	firstParagraph: string | undefined,
	paragraphs: string[] = [],
	subtitle?: string,
): Guess<string> | undefined {
	if (sectionUnit) return { value: unitName(sectionUnit), from: m.fromUnitLine(), certain: true };
	if (titleUnit) return { value: titleUnit, from: m.fromTitle(), certain: false };
	const subtitleSubject = subtitle ? leadingOrganisation(subtitle.replace(/^[\s—－–-]+/u, '')) : undefined;
	if (subtitleSubject && isNamedPlace(subtitleSubject)) return { value: subtitleSubject, from: m.fromSubtitle(), certain: false };
	const subject = firstParagraph ? leadingOrganisation(firstSentence(firstParagraph)) : undefined;
	if (subject) return { value: subject, from: m.fromSubject(), certain: false };
	// Else the first sentence or clause of the opening paragraphs whose subject is an organisation or place.
	for (const paragraph of paragraphs.slice(0, 4)) {
		for (const clause of paragraph.split(/(?<=[。！？；，])/u)) {
			const found = leadingOrganisation(clause);
			if (found && isNamedPlace(found)) return { value: found, from: m.fromClauseSubject(), certain: false };
		}
	}
	// Else a village or community the opening paragraphs name as a subject more than once.
	const text = paragraphs.join('\n');
	for (const paragraph of paragraphs.slice(0, 4)) {
		for (const clause of paragraph.split(/(?<=[。！？；，\s])/u)) {
			const village = leadingVillage(clause);
			if (village && text.split(village).length > 2) return { value: village, from: m.fromRepeatedVillage(), certain: false };
		}
	}
	return undefined;
}

/** A subject that names a place: it starts with a division's name, is a zone named after one or a masked name, or is a named town, street or village. */
function isNamedPlace(subject: string): boolean {
	const simplified = toSimplified(subject);
	if (findPlaceMentions(simplified, 1, 'subject').some((p) => simplified.startsWith(p.name)) || isZoneOrMasked(simplified)) return true;
	return (
		[...simplified].length >= 3 &&
		/(?:镇|乡|街道|社区|村)$/u.test(simplified) &&
		!/[全所有各本该这我了地的得着过更]/u.test(simplified) &&
		[...simplified].length <= 8
	);
}

/** The texts `guessRegion` reads place names from; a mention in the unit or title weighs more than one in the text. */
export interface RegionContext {
	unit?: string;
	title?: string;
	firstParagraph?: string;
	text: string;
	issueTitle?: string;
	issueIntro?: string;
	publisher?: string;
}

/** Collects place mentions by where they occur, and resolves them to one division. */
export function guessRegion(context: RegionContext): RegionResolution & { township?: string; village?: string } {
	const mentions: PlaceMention[] = [];
	const s = (text: string | undefined) => (text ? toSimplified(text) : '');
	if (context.unit) {
		mentions.push(...findPlaceMentions(s(context.unit), 10, 'unit'));
		if (!mentions.length) mentions.push(...findBaseNameAtStart(s(context.unit), 4, 'unit'));
	}
	if (context.title) {
		const found = findPlaceMentions(s(context.title), 6, 'title');
		mentions.push(...(found.length ? found : findBaseNameAtStart(s(context.title), 3, 'title')));
	}
	if (context.firstParagraph) mentions.push(...findPlaceMentions(s(context.firstParagraph.slice(0, 2000)), 3, 'first paragraph'));
	// Passing mentions weigh little; the first 20,000 characters say all they can.
	mentions.push(...findPlaceMentions(s(context.text.slice(0, 20_000)), 1, 'text'));
	mentions.push(...findAbbreviatedProvinces(s(context.text.slice(0, 20_000)), 1, 'text'));
	if (context.issueTitle) {
		const found = findPlaceMentions(s(context.issueTitle), 3, 'issue title');
		mentions.push(...(found.length ? found : findBaseNameAtStart(s(context.issueTitle), 4, 'issue title')));
	}
	if (context.issueIntro) mentions.push(...findPlaceMentions(s(context.issueIntro), 1, "editor's note"));
	if (context.publisher) mentions.push(...findPlaceMentions(s(context.publisher), 1, 'publisher'));
	const resolution = resolveRegion(mentions);
	const subject = context.firstParagraph ? leadingOrganisation(firstSentence(context.firstParagraph)) : undefined;
	const township = (context.unit && townshipOf(context.unit)) || (subject && townshipOf(subject)) || undefined;
	const village = (context.unit && villageOf(context.unit)) || undefined;
	return { ...resolution, ...(township ? { township } : {}), ...(village ? { village } : {}) };
}

/** An issue title split into series and number. */
export interface IssueNumbering {
	series: string;
	number: number;
	numberLabel?: string;
	/** False when no number was written and 1 was assumed. */
	found: boolean;
}

const CHINESE_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** Chinese numerals up to 99: 十二 → 12, 二十三 → 23. */
export function chineseNumber(text: string): number | undefined {
	if (/^\d+$/.test(text)) return Number(text);
	if (!/^[一二三四五六七八九十]+$/u.test(text)) return undefined;
	const [tens, ones] = text.includes('十') ? text.split('十') : ['', text];
	const t = tens === '' ? (text.includes('十') ? 1 : 0) : CHINESE_DIGITS[tens as string];
	const o = ones === '' ? 0 : CHINESE_DIGITS[ones as string];
	if (t === undefined || o === undefined) return undefined;
	return t * 10 + o;
}

/** Splits an issue title into the series and its number: "…典型经验做法摘编（一）" → number 1, label （一）. */
export function issueNumbering(title: string): IssueNumbering {
	const paren = /[（(]\s*([一二三四五六七八九十]+|\d+)\s*[)）]\s*$/u.exec(title);
	if (paren?.[1]) {
		const number = chineseNumber(paren[1]);
		if (number) {
			return { series: trimSeries(title.slice(0, paren.index)), number, numberLabel: `（${paren[1]}）`, found: true };
		}
	}
	const qi = /[（(]?\s*第\s*([一二三四五六七八九十]+|\d+)\s*期\s*[)）]?/u.exec(title);
	if (qi?.[1]) {
		const number = chineseNumber(qi[1]);
		if (number) return { series: trimSeries(title.replace(qi[0], '')), number, found: true };
	}
	return { series: trimSeries(title), number: 1, found: false };
}

function trimSeries(text: string): string {
	return text.replace(/[\s，,：:、—-]+$/u, '').trim();
}

/** The topic of an issue: its series without the place and the "摘编/选登" words. */
export function issueTopic(series: string): string | undefined {
	let topic = series
		.replace(/[，,\s]*(?:典型)?(?:经验做法|經驗做法|典型案例|优秀案例|優秀案例|案例)?(?:摘编|摘編|选登|選登|汇编|彙編|匯編|选编|選編)$/u, '')
		.replace(/[，,\s]+$/u, '');
	const place = findPlaceMentions(toSimplified(topic), 1, 'topic')[0];
	if (place && toSimplified(topic).startsWith(place.name)) topic = [...topic].slice([...place.name].length).join('');
	return countHan(topic) >= 4 && topic !== series ? topic : undefined;
}
