/**
 * Where the cases of a collection start when they are not headed by unit lines: lines
 * `地方—标题` / `地方：标题` (numbered or not), or paragraphs that each open with a different
 * place, each with the short heading line above it as its title. Also the wrapper before
 * a document proper: a table of contents (a run of short heading lines before any prose)
 * and a lead-in that announces what follows (`以下为获奖案例：`).
 */
import type { Block } from './types.ts';
import { countHan, hasInnerSentenceEnd } from './cjk.ts';
import { findBaseNameAtStart, findPlaceMentions } from './places.ts';
import { toSimplified } from './script.ts';
import { leadingOrganisation } from './units.ts';

const NUMBER = /^(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[、.．]\s*/u;
/** A date or a `自…以来` phrase before a paragraph's subject. */
const LEADING_DATE = /^(?:(?:\d{4}年)?\d{1,2}月(?:\d{1,2}日)?|自[^，,。]{2,60}?以[来來])[，,]\s*/u;

/** A case found by {@link placeHeadedCases}. */
export interface PlaceCase {
	unit: string;
	unitLine: number;
	title?: string;
	titleLine?: number;
	blocks: Block[];
	/** A group heading after the case and the group's introduction: text of no case. */
	after?: Block[];
}

function isProse(block: Block): boolean {
	return countHan(block.text) >= 30 && /[。！？；，]/u.test(block.text);
}

function isShortHeading(block: Block): boolean {
	const han = countHan(block.text);
	return han >= 2 && han <= 30 && !hasInnerSentenceEnd(block.text) && !/[。！？]$/u.test(block.text);
}

/** The place a text starts with (after a leading date): a division name, or an organisation chain. */
export function placeAtStart(text: string): string | undefined {
	const body = text.trim().replace(LEADING_DATE, '');
	const simplified = toSimplified(body);
	// Consecutive division names make one place: 山西省晋中市.
	let chain = '';
	for (;;) {
		const rest = simplified.slice(chain.length);
		const next = findPlaceMentions(rest.slice(0, 12), 1, 'start')
			.filter((m) => rest.startsWith(m.name))
			.sort((a, b) => b.name.length - a.name.length)[0];
		if (!next) break;
		chain += next.name;
	}
	const mention = chain ? { name: chain } : undefined;
	const org = leadingOrganisation(body);
	// An organisation chain that runs into a verb (晋中市通过抓乡…) is not one.
	if (
		org &&
		[...org].length >= 3 &&
		org.length >= (mention?.name.length ?? 0) &&
		!/^(?:乡村|鄉村|城乡|城鄉|农村|農村|城镇|城鎮|乡镇|鄉鎮)/u.test(org) &&
		!/通过|通過|探索|创新|創新|推出|打造|聚焦|坚持|堅持|开展|開展/u.test(org)
	)
		return org;
	if (mention) return [...body].slice(0, [...mention.name].length).join('');
	const base = findBaseNameAtStart(simplified, 1, 'start')[0];
	if (!base || !/^[\p{Script=Han}]{2,4}(?:探索|推出|坚持|创新|通过|聚焦|打造|建立|实施|以)/u.test(simplified)) return undefined;
	// A division's short name opening a longer subject (某某片区通过…): the whole subject.
	const subject = subjectAtStart(body);
	return subject && toSimplified(subject).startsWith(base.name) ? subject : [...body].slice(0, [...base.name].length).join('');
}

/** Where an action verb follows a paragraph's subject: 某某片区通过…, 某某巷以…为抓手. */
const ACTION_VERB =
	'(?:通过|通過|以|坚持|堅持|探索|围绕|圍繞|聚焦|依托|立足|推行|实施|實施|打造|建立|创新|創新|积极|積極|着力|著力|大力|持续|持續|深入|率先)';
/** Endings of a named place or organisation, known to the gazetteer or not. */
const SUBJECT_END =
	'(?:社区|社區|片区|片區|小区|小區|街道|街|巷|里|村|组|組|镇|鎮|乡|鄉|县|縣|区|區|市|州|旗|局|委|院|所|站|中心|公司|集团|集團|学校|學校|合作社|党支部|黨支部|党委|黨委)';

/**
 * A subject naming a place or organisation the gazetteer may not know, then an action verb:
 * `某某巷通过…`, `某某片区以…`. Only read under a numbered heading, as one case of a roundup.
 */
export function subjectAtStart(text: string): string | undefined {
	const body = text.trim().replace(LEADING_DATE, '');
	const match = new RegExp(`^([\\p{Script=Han}]{1,12}?${SUBJECT_END})${ACTION_VERB}`, 'u').exec(body);
	const subject = match?.[1];
	// A name and its ending (德星巷, 东湖片区), not a bare common noun (园区, 小区).
	if (!subject || countHan(subject) < 3 || /^[这這该該本其此全各我那]/u.test(subject)) return undefined;
	return subject;
}

/** `2、 銀川市—五個“1”…` → place and title, when the part before the dash or colon is a place. */
export function placeTitleLine(text: string): { unit: string; title: string } | undefined {
	const match = /^(.{2,16}?)\s*(?:——|—|–|-{1,2}|：|:)\s*(.{4,})$/u.exec(text.trim().replace(NUMBER, ''));
	if (!match?.[1] || !match[2] || countHan(text) > 50 || hasInnerSentenceEnd(text)) return undefined;
	const place = match[1].trim();
	const simplified = toSimplified(place);
	const named = findPlaceMentions(simplified, 1, 'title').some((m) => simplified.startsWith(m.name));
	return named ? { unit: place, title: match[2].trim() } : undefined;
}

/** The cases of a collection headed by place-title lines or place-opening paragraphs (two or more), else undefined. */
export function placeHeadedCases(blocks: Block[]): { intro: Block[]; cases: PlaceCase[] } | undefined {
	const titled = blocks.flatMap((b, i) => (isShortHeading(b) && placeTitleLine(b.text) ? [i] : []));
	if (titled.length >= 2) {
		return {
			intro: blocks.slice(0, titled[0]),
			cases: titled.map((at, k) => {
				const head = blocks[at] as Block;
				const parts = placeTitleLine(head.text) as { unit: string; title: string };
				return { ...parts, unitLine: head.line, titleLine: head.line, blocks: blocks.slice(at + 1, titled[k + 1] ?? blocks.length) };
			}),
		};
	}
	const numberedAbove = (i: number) => {
		const above = blocks[i - 1];
		return !!above && isShortHeading(above) && NUMBER.test(above.text);
	};
	const opening = blocks.flatMap((b, i) => {
		if (!isProse(b)) return [];
		// A subject the gazetteer does not know counts under a numbered heading, as one of a roundup's cases.
		const known = placeAtStart(b.text);
		const place = known ?? (numberedAbove(i) ? subjectAtStart(b.text) : undefined);
		return place ? [{ i, place: toSimplified(place), known: known !== undefined }] : [];
	});
	// Unknown subjects only alongside as many known places: generic ones (某园区、某景区) do not make a roundup.
	const known = opening.filter((o) => o.known).length;
	const distinct = opening.filter((o, k) => opening.findIndex((p) => p.place === o.place) === k);
	const nested = distinct.some((a) => distinct.some((b) => a !== b && (a.place.includes(b.place) || b.place.includes(a.place))));
	if (distinct.length < 2 || distinct.length !== opening.length || nested || opening[0]!.i === 0 || known * 2 < opening.length) return undefined;
	const starts = opening.map((o) => ({ ...o, start: numberedAbove(o.i) ? o.i - 1 : o.i }));
	return {
		intro: blocks.slice(0, starts[0]!.start),
		cases: starts.map((s, k) => {
			const head = blocks[s.start] as Block;
			const paragraph = blocks[s.i] as Block;
			const end = starts[k + 1]?.start ?? blocks.length;
			// A numbered group heading after the case (二、…) and the group's introduction belong to no case.
			const all = blocks.slice(s.i, end);
			const group = all.findIndex((b, j) => j > 0 && isShortHeading(b) && NUMBER.test(b.text));
			const body = group > 0 ? all.slice(0, group) : all;
			return {
				...(group > 0 ? { after: all.slice(group) } : {}),
				unit: [...paragraph.text.replace(LEADING_DATE, '')].slice(0, [...s.place].length).join(''),
				unitLine: paragraph.line,
				...(s.start !== s.i ? { title: head.text.replace(NUMBER, '').trim(), titleLine: head.line } : {}),
				blocks: body,
			};
		}),
	};
}

/**
 * Lines before the document proper: a table of contents (five or more short heading lines
 * before any prose) or everything up to a lead-in line announcing what follows.
 */
export function preamble(blocks: Block[]): number {
	const leadIn = blocks.findIndex((b) => /(?:以下|如下)[^。]{0,12}[:：]$/u.test(b.text) && countHan(b.text) <= 20);
	if (leadIn >= 0 && leadIn < blocks.length - 2) return leadIn + 1;
	let i = 0;
	while (i < blocks.length && isShortHeading(blocks[i] as Block) && !isProse(blocks[i] as Block)) i++;
	// A table of contents, then the title line, then prose.
	return i >= 6 ? i - 1 : 0;
}
