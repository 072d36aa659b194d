/**
 * A small CSV writer following RFC 4180: CRLF line ends, fields with a comma, quote,
 * CR or LF quoted, quotes doubled. Files start with a UTF-8 byte-order mark, without
 * which WPS and Excel on Chinese Windows read UTF-8 as GBK and garble every character.
 */

/** UTF-8 byte-order mark that opens every file. */
export const BOM = '\uFEFF';

/**
 * Text that starts like a formula (=, +, @, or - before something not a number) would be
 * run by a spreadsheet; a leading apostrophe keeps it text (OWASP "CSV injection").
 */
const FORMULA_START = /^(?:[=+@\t\r]|-(?![\d.]))/;

/** One value as a CSV field: empty for null or undefined, formula-like text defused, quoted when needed. */
export function csvField(value: string | number | boolean | null | undefined): string {
	if (value === null || value === undefined) return '';
	let text = String(value);
	if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line of fields, without the line end. */
export function csvLine(fields: readonly (string | number | boolean | null | undefined)[]): string {
	return fields.map(csvField).join(',');
}

/** A whole file: BOM, header line, one line per row, each ending in CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | boolean | null | undefined)[])[]): string {
	return BOM + [header, ...rows].map((row) => `${csvLine(row)}\r\n`).join('');
}
