/**
 * The open-data columns, read off the zod schemas so the CSV files and the codebook
 * (数据说明) cannot drift from the data: nested objects become dotted columns
 * (region.code), lists of words one column, lists of objects (metrics) their own file.
 */
import type { z } from 'astro/zod';
import { MetricSchema } from '../../schemas/metric.ts';
import { CaseRecordSchema, type CaseRecord } from './record.ts';
import { rowsFor } from './rows.ts';

/** How a column's values are written, as the codebook names it. */
export type FieldType = 'text' | 'number' | 'date' | 'list' | 'choice' | 'url';

/** One column of an open-data file, as listed in the codebook. */
export interface Column {
	/** Dotted path, the CSV header and the JSON path alike: region.code. */
	name: string;
	type: FieldType;
	required: boolean;
	/** Allowed values of a choice. */
	choices?: readonly string[];
}

interface Def {
	type: string;
	innerType?: z.ZodType;
	out?: z.ZodType;
	element?: z.ZodType;
	format?: string;
	entries?: Record<string, string>;
	shape?: Record<string, z.ZodType>;
}
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Columns of an object schema; lists of objects are skipped (they get a file of their own). */
export function schemaColumns(schema: z.ZodType, prefix = ''): Column[] {
	const shape = (schema as unknown as { shape: Record<string, z.ZodType> }).shape;
	return Object.entries(shape).flatMap(([key, field]) => fieldColumns(field, `${prefix}${key}`, true));
}

function fieldColumns(schema: z.ZodType, name: string, required: boolean): Column[] {
	const def = defOf(schema);
	switch (def.type) {
		case 'optional':
			return fieldColumns(def.innerType!, name, false);
		case 'default':
		case 'nullable':
			return fieldColumns(def.innerType!, name, required);
		case 'pipe':
			return fieldColumns(def.out!, name, required);
		case 'object':
			return schemaColumns(schema, `${name}.`).map((c) => ({ ...c, required: required && c.required }));
		case 'array':
			return defOf(def.element!).type === 'object' ? [] : [{ name, type: 'list', required }];
		case 'enum':
			return [{ name, type: 'choice', required, choices: Object.values(def.entries ?? {}) }];
		case 'number':
			return [{ name, type: 'number', required }];
		case 'date':
			return [{ name, type: 'date', required }];
		case 'string':
			return [{ name, type: def.format === 'url' ? 'url' : 'text', required }];
		default:
			throw new Error(
				`open data: field "${name}" has a schema type (${def.type}) the export does not know how to write; add it to src/lib/data-export/columns.ts`,
			);
	}
}

/** cases.csv: one row per case. */
export const CASE_COLUMNS: readonly Column[] = schemaColumns(CaseRecordSchema);

/** metrics.csv: the case's id and title, then every field of a metric. */
export const METRIC_COLUMNS: readonly Column[] = [
	{ name: 'caseId', type: 'text', required: true },
	{ name: 'caseTitle', type: 'text', required: true },
	...schemaColumns(MetricSchema),
];

/** The rows of cases.csv, in {@link CASE_COLUMNS} order. */
export function caseRows(records: readonly CaseRecord[]): (string | number)[][] {
	return rowsFor(
		records,
		CASE_COLUMNS.map((c) => c.name),
	);
}

/** The rows of metrics.csv: one per figure of each record, in {@link METRIC_COLUMNS} order. */
export function metricRowsOf(records: readonly CaseRecord[]): (string | number)[][] {
	return rowsFor(
		records.flatMap((record) => (record.metrics ?? []).map((metric) => ({ caseId: record.id, caseTitle: record.title, ...metric }))),
		METRIC_COLUMNS.map((c) => c.name),
	);
}

/** A column with its meaning, as the codebook page lists it. */
export interface CodebookRow extends Column {
	meaning: string;
}

/**
 * The codebook of a file: every column with its meaning. A column without a meaning is
 * an error, so a field added to a schema cannot reach the files undocumented.
 * `lookup` tries the file-specific key first (metric.unit), then the column name.
 */
export function codebook(columns: readonly Column[], meanings: Record<string, string>, keyPrefix = ''): CodebookRow[] {
	return columns.map((column) => {
		const meaning = meanings[`${keyPrefix}${column.name}`] ?? meanings[column.name];
		if (!meaning) throw new Error(`数据说明：列“${column.name}”没有说明。请在 src/lib/i18n/ui.ts 的 codebook 中为两种文字各写一句。`);
		return { ...column, meaning };
	});
}
