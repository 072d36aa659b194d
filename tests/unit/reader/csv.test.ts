import { describe, expect, it } from 'vitest';
import { BOM, csvField, toCsv } from '../../../src/lib/data-export/csv.ts';
import { cellValue, rowsFor } from '../../../src/lib/data-export/rows.ts';
import { parseCsv } from './parse-csv.ts';

describe('CSV writer (RFC 4180)', () => {
	it('quotes fields with commas, quotes and line breaks, and doubles quotes', () => {
		expect(csvField('常山县,衢州市')).toBe('"常山县,衢州市"');
		expect(csvField('“村情”"报告会"')).toBe('"“村情”""报告会"""');
		expect(csvField('第一行\n第二行')).toBe('"第一行\n第二行"');
		expect(csvField('1.2万人次')).toBe('1.2万人次');
		expect(csvField(12000)).toBe('12000');
		expect(csvField(undefined)).toBe('');
	});

	it('keeps spreadsheet formulas as text but leaves negative numbers alone', () => {
		expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
		expect(csvField('+86')).toBe("'+86");
		expect(csvField('@x')).toBe("'@x");
		expect(csvField(-5)).toBe('-5');
		expect(csvField('-5.5')).toBe('-5.5');
	});

	it('writes a BOM, CRLF line ends, and reads back field for field', () => {
		const header = ['id', 'title', 'note'];
		const rows = [
			['a', '打好“屋场党建+三长制”组合拳，凝聚基层治理新合力', 'x,"y"\r\nz'],
			['b', '', 58.3],
		];
		const csv = toCsv(header, rows);
		expect(csv.startsWith(BOM)).toBe(true);
		expect(csv.endsWith('\r\n')).toBe(true);
		expect(parseCsv(csv.slice(1))).toEqual([header, ...rows.map((r) => r.map(String))]);
	});
});

describe('records to rows', () => {
	it('reads dotted paths, joins lists, leaves missing fields empty', () => {
		const record = { id: 'a', region: { code: '330822' }, methods: ['x', 'y'], value: 0 };
		expect(cellValue(record, 'region.code')).toBe('330822');
		expect(cellValue(record, 'methods')).toBe('x;y');
		expect(cellValue(record, 'region.village')).toBe('');
		expect(cellValue(record, 'value')).toBe(0);
		expect(rowsFor([record], ['id', 'region.code'])).toEqual([['a', '330822']]);
	});
});
