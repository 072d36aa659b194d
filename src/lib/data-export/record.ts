/**
 * One published case as the open-data files carry it: the case's own frontmatter
 * (CaseSchema, so new fields flow through) in the file's script, plus its id, page URL,
 * the full region name, method names and the issues it appears in. Dates are written
 * YYYY-MM-DD so each record validates against CaseRecordSchema as read from JSON.
 */
import { z } from 'astro/zod';
import { CaseSchema } from '../../schemas/case.ts';
import { RegionSchema } from '../../schemas/region.ts';
import type { Script } from '../../schemas/script.ts';
import { localizeCase, regionName } from '../compendium/localize.ts';
import type { CaseRef } from '../compendium/types.ts';
import { fullRegionName, regionChain } from '../regions.ts';

/** Fields of a case that are for editors, not readers: left out of the open data. */
const EDITORIAL_FIELDS = { titleLines: true, review: true, status: true } as const;

/** Validates one open-data case record: id and page URL, the case's reader-facing fields, full region names, method names and issue labels. */
export const CaseRecordSchema = z
	.strictObject({
		id: z.string().min(1),
		url: z.url(),
	})
	.extend(CaseSchema.omit(EDITORIAL_FIELDS).shape)
	.extend({
		region: RegionSchema.extend({ name: z.string().min(1), province: z.string().min(1) }),
		methodNames: z.array(z.string().min(1)),
		issues: z.array(z.string().min(1)),
	});
/** One open-data case record as written to the files (dates as YYYY-MM-DD). */
export type CaseRecord = z.input<typeof CaseRecordSchema>;

/** What a record needs from the rest of the site. */
export interface RecordContext {
	script: Script;
	caseUrl(id: string): string;
	methodName(slug: string): string;
	issueLabels(caseId: string): string[];
}

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

/**
 * Dates anywhere in a value as YYYY-MM-DD (how editors write them and JSON can carry them).
 * Only what holds a date is copied: a build makes 20,000 records, most of whose parts have none.
 */
function withIsoDates(value: unknown): unknown {
	if (value instanceof Date) return isoDate(value);
	if (Array.isArray(value)) {
		let copy: unknown[] | undefined;
		value.forEach((item, i) => {
			const converted = withIsoDates(item);
			if (converted !== item) (copy ??= [...value])[i] = converted;
		});
		return copy ?? value;
	}
	if (value && typeof value === 'object') {
		let copy: Record<string, unknown> | undefined;
		for (const [key, item] of Object.entries(value)) {
			const converted = withIsoDates(item);
			if (converted !== item) (copy ??= { ...value })[key] = converted;
		}
		return copy ?? value;
	}
	return value;
}

/** The open-data record of one case, its text converted to the context's script and editor-only fields left out. */
export function caseRecord(entry: CaseRef, context: RecordContext): CaseRecord {
	const { script } = context;
	const { titleLines: _lines, review: _review, status: _status, ...data } = entry.data;
	const text = localizeCase(entry.data, script);
	const province = regionChain(entry.data.region.code)[0];
	const record = {
		id: entry.id,
		url: context.caseUrl(entry.id),
		...data,
		title: text.title,
		...(text.subtitle ? { subtitle: text.subtitle } : {}),
		unit: text.unit,
		region: {
			...data.region,
			...(text.township ? { township: text.township } : {}),
			...(text.village ? { village: text.village } : {}),
			name: regionName(fullRegionName(entry.data.region.code), script),
			province: province ? regionName(province.name, script) : '',
		},
		methodNames: data.methods.map((slug) => context.methodName(slug)),
		metrics: text.metrics,
		source: {
			...data.source,
			publisher: text.sourcePublisher,
			...(text.sourceTitle ? { title: text.sourceTitle } : {}),
		},
		script,
		summary: text.summary,
		issues: context.issueLabels(entry.id),
	};
	return withIsoDates(record) as CaseRecord;
}
