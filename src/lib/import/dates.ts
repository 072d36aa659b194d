/** Dates as Chinese pages write them: 2024-12-07, 2024/12/7, 2024.12.07, 2024年12月7日. */

const DATE_PATTERN = /((?:19|20)\d{2})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})(?!\d)\s*日?/u;
const DATE_PATTERN_GLOBAL = new RegExp(DATE_PATTERN.source, 'gu');

/** The first valid date in `text` as YYYY-MM-DD, or undefined. */
export function parseDate(text: string): string | undefined {
	for (const match of text.matchAll(DATE_PATTERN_GLOBAL)) {
		const iso = toIso(match);
		if (iso) return iso;
	}
	return undefined;
}

function toIso(match: RegExpMatchArray): string | undefined {
	const year = Number(match[1]);
	const month = Number(match[2]);
	const day = Number(match[3]);
	if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
	const date = new Date(Date.UTC(year, month - 1, day));
	if (date.getUTCMonth() !== month - 1) return undefined;
	return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Today in the local calendar as YYYY-MM-DD. */
export function isoDate(date: Date): string {
	return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** The latest calendar year a text mentions (2023年, 2024年上半年), for messages. */
export function latestYearMentioned(text: string): number | undefined {
	let latest: number | undefined;
	for (const m of text.matchAll(/((?:19|20)\d{2})年/gu)) {
		const year = Number(m[1]);
		if (latest === undefined || year > latest) latest = year;
	}
	return latest;
}
