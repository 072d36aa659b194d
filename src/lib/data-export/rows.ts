/**
 * Records to CSV rows by dotted column names (region.code). Light on purpose: the search
 * page uses it in the browser to download its current results in cases.csv's shape.
 */

/** Separator of list values inside one CSV field. */
export const LIST_SEPARATOR = ';';

/** A record's value for a column, as one CSV field. */
export function cellValue(record: object, column: string): string | number {
	let value: unknown = record;
	for (const key of column.split('.')) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
	if (value === undefined || value === null) return '';
	if (Array.isArray(value)) return value.join(LIST_SEPARATOR);
	return typeof value === 'number' ? value : String(value);
}

/** The records as CSV rows, one field per named column. */
export function rowsFor(records: readonly object[], columns: readonly string[]): (string | number)[][] {
	return records.map((record) => columns.map((column) => cellValue(record, column)));
}
