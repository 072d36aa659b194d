/**
 * Documents that are not cases, told from their shape: a list or table of titles with no
 * case text, a notice (通知) such as a call for submissions, a report of a meeting. Each
 * test names a kind of document by its general features, never a particular one; the
 * reason is said in one line, and `--force` imports the text anyway, flagged.
 */
import type { Block } from './types.ts';
import { countHan } from './cjk.ts';
import { toSimplified } from './script.ts';
import { importMessages as m } from '../i18n/messages/index.ts';

/** A paragraph of case prose: long and written in sentences. */
function isProse(text: string): boolean {
	return countHan(text) >= 40 && /[。！？]/u.test(text);
}

/** A row of a flattened table: cells between `|` (or tabs). */
function isTableRow(text: string): boolean {
	return (text.match(/\|/g)?.length ?? 0) >= 1 && text.split('|').filter((cell) => cell.trim()).length <= 4 && !isProse(text);
}

const NOTICE_TITLE = /(?:征集|推荐|推薦|申报|申報|评选|評選|遴选|遴選|报送|報送)[^。]{0,40}通知/u;
const NOTICE_BODY = /现将有关事项通知如下|現將有關事項通知如下|特此通知|请于\d{4}年|請於\d{4}年|截止(?:日期|时间|時間)/u;
const MEETING_OPENING = /(?:召开|召開|举行|舉行|举办|舉辦)[^。，,]{0,30}(?:会|會)(?![员員计計])/u;
const MEETING_MARKERS =
	/与会|與會|参会|參會|观摩|觀摩|出席|主持|讲话|講話|会议强调|會議強調|会议指出|會議指出|会议要求|會議要求|会后|會後|会上|會上/gu;

/** Why the document is not a case (one line), or undefined when it may be one. */
export function nonCaseReason(blocks: Block[]): string | undefined {
	const texts = blocks.map((b) => toSimplified(b.text));
	const rows = texts.filter(isTableRow).length + blocks.reduce((n, b) => n + (b.kind === 'table' ? (b.rows?.length ?? 0) : 0), 0);
	const prose = texts.filter(isProse).length;
	const head = texts.slice(0, 4).join('\n');
	if (NOTICE_TITLE.test(head) || texts.some((t) => NOTICE_BODY.test(t))) return m.genreNotice();
	if (rows >= 5 && rows > prose * 2) return m.genreList(rows);
	const opening = texts.find(isProse) ?? '';
	const firstSentence = opening.split(/[。！？]/u)[0] ?? '';
	const markers = new Set(texts.join('\n').match(MEETING_MARKERS) ?? []).size;
	if (MEETING_OPENING.test(firstSentence) && markers >= 2) return m.genreMeeting();
	return undefined;
}
