/**
 * What the print page tells the printer about itself, in a JSON <script id="print-meta">:
 * the PDF's title, language and author, and the cases that get a bookmark, each by the
 * id of its <article>. The page is the one place that knows these in the right script.
 */
import { z } from 'astro/zod';
import { printMessages } from '../i18n/messages/print.ts';

/** The id of the <script> carrying the metadata, shared by the page that writes it and the readers. */
export const PRINT_META_ID = 'print-meta';

/** The shape of the metadata, checked both when the page writes it and when the printer reads it. */
export const PrintMetaSchema = z.strictObject({
	title: z.string().min(1),
	language: z.string().min(1),
	author: z.string().optional(),
	subject: z.string().optional(),
	/** The issue's date (YYYY-MM-DD): the PDF's creation date, so two builds give the same bytes. */
	date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
	/** The series and number as printed, for the yearly volume (合订本). */
	series: z.string().min(1).optional(),
	number: z.string().min(1).optional(),
	/** Quotation marks of this edition: the printer turns “” into 「」 when corner. */
	quotes: z.enum(['corner', 'curly']).default('curly'),
	cases: z.array(z.strictObject({ anchor: z.string().regex(/^[\w-]+$/), title: z.string().min(1) })),
});
/** The metadata as read, with its defaults filled in. */
export type PrintMeta = z.infer<typeof PrintMetaSchema>;

/** Validates the metadata the print page is about to write, so a bad page fails the build rather than the printer. */
export function printMeta(meta: z.input<typeof PrintMetaSchema>): PrintMeta {
	return PrintMetaSchema.parse(meta);
}

/** Reads the page's JSON, naming the page when it is not what the printer expects (never a bare SyntaxError). */
export function parsePrintMeta(json: string | null | undefined, where: string): PrintMeta {
	if (!json) throw new Error(printMessages.noPrintMeta(where, PRINT_META_ID));
	let value: unknown;
	try {
		value = JSON.parse(json);
	} catch (error) {
		throw new Error(printMessages.badPrintMeta(where, (error as Error).message), { cause: error });
	}
	const result = PrintMetaSchema.safeParse(value);
	if (!result.success) {
		const issues = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
		throw new Error(printMessages.badPrintMeta(where, issues));
	}
	return result.data;
}

/** The element id of the `index`th case (0-based) in the printed issue. */
export function caseAnchor(index: number): string {
	return `case-${index + 1}`;
}

/** "典型经验做法摘编 第1期", or "…摘编（一）" when the number label brings its own brackets. */
export function issueTitle(label: { series: string; number: string }): string {
	return /^[（(〔【]/.test(label.number) ? `${label.series}${label.number}` : `${label.series} ${label.number}`;
}
