import { describe, expect, it } from 'vitest';
import { chineseNumeral, itemMarker } from '../../../src/lib/print/numerals.ts';

describe('chineseNumeral', () => {
	it.each([
		[1, '一'],
		[9, '九'],
		[10, '十'],
		[11, '十一'],
		[20, '二十'],
		[21, '二十一'],
		[50, '五十'],
		[99, '九十九'],
		[100, '一百'],
		[105, '一百零五'],
		[110, '一百一十'],
		[1001, '一千零一'],
		[2020, '二千零二十'],
	])('%i → %s', (n, text) => {
		expect(chineseNumeral(n)).toBe(text);
	});

	it('rejects what a list never numbers, naming the value', () => {
		expect(() => chineseNumeral(0)).toThrow(/found 0/);
		expect(() => chineseNumeral(1.5)).toThrow(/found 1.5/);
		expect(() => chineseNumeral(10000)).toThrow(RangeError);
	});

	it('gives the 、 list marker', () => {
		expect(itemMarker(3)).toBe('三、');
		expect(itemMarker(12)).toBe('十二、');
	});
});
