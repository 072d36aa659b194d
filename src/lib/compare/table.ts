/**
 * The comparison table of 2–4 cases: one column per case, one row per attribute, and the
 * figures aligned by unit (every 人次 figure on one row, every 元 figure on the next),
 * so like is read against like. Pure: the compare page renders what this returns.
 */
import type { Metric } from '../../schemas/metric.ts';

/** The fields of an open-data record (src/lib/data-export/record.ts) the table reads. */
export interface ComparableCase {
	id: string;
	url: string;
	title: string;
	unit: string;
	date: string;
	summary: string;
	region: { name: string; township?: string | undefined; village?: string | undefined };
	methodNames: string[];
	metrics?: Metric[] | undefined;
}

/** Row labels in the page's script. */
export interface CompareLabels {
	region: string;
	unit: string;
	methods: string;
	date: string;
	summary: string;
	/** "数据（{0}）": {0} is the unit. */
	figures: string;
}

/** One attribute row: a key for styling and tests, its label, and each case's cell. */
export interface CompareRow {
	key: string;
	label: string;
	/** Per case, in column order: lines of text (empty when the case has nothing here). */
	cells: string[][];
}

/** The table to render: the cases' columns and the attribute rows. */
export interface CompareTable {
	columns: { id: string; title: string; url: string }[];
	rows: CompareRow[];
}

/** Units in the order they are shown: those most cases share first, then by name. */
export function sharedUnits(cases: readonly ComparableCase[]): string[] {
	const counts = new Map<string, number>();
	for (const c of cases) for (const unit of new Set((c.metrics ?? []).map((m) => m.unit))) counts.set(unit, (counts.get(unit) ?? 0) + 1);
	return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh')).map(([unit]) => unit);
}

const isoToChinese = (iso: string) => {
	const [y, m, d] = iso.split('-').map(Number);
	return `${y}年${m}月${d}日`;
};

const figureLine = (m: Metric) => `${m.text}　${m.label}${m.period ? `（${m.period}）` : ''}`;

/** The comparison table of `cases`: region, unit, methods, date, a row per unit of figures, then the summary. */
export function compareTable(cases: readonly ComparableCase[], labels: CompareLabels): CompareTable {
	const row = (key: string, label: string, cell: (c: ComparableCase) => string[]): CompareRow => ({ key, label, cells: cases.map(cell) });
	const place = (c: ComparableCase) => [c.region.name + [c.region.township, c.region.village].filter(Boolean).join('')];
	return {
		columns: cases.map((c) => ({ id: c.id, title: c.title, url: c.url })),
		rows: [
			row('region', labels.region, place),
			row('unit', labels.unit, (c) => [c.unit]),
			row('methods', labels.methods, (c) => [c.methodNames.join('、')]),
			row('date', labels.date, (c) => [isoToChinese(c.date)]),
			...sharedUnits(cases).map((unit) =>
				row(`unit:${unit}`, labels.figures.replace('{0}', unit), (c) => (c.metrics ?? []).filter((m) => m.unit === unit).map(figureLine)),
			),
			row('summary', labels.summary, (c) => [c.summary]),
		],
	};
}
