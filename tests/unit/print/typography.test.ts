/** Settings-dependent print typography: quotes, key figures, source line, balanced titles. */
import { describe, expect, it } from 'vitest';
import { balancedLines, breakableRuns, emWidth } from '../../../src/lib/print/line-breaks.ts';
import { keyFiguresTable, printQuotes, sourceLine, toCornerQuotes } from '../../../src/lib/print/typography.ts';

describe('printQuotes', () => {
	it('uses 「」 for traditional text under the tw and hk standards unless the site says otherwise', () => {
		expect(printQuotes({ traditional: 'tw', traditionalQuotes: 'auto' }, 'hant')).toBe('corner');
		expect(printQuotes({ traditional: 'hk', traditionalQuotes: 'auto' }, 'hant')).toBe('corner');
		expect(printQuotes({ traditional: 't', traditionalQuotes: 'auto' }, 'hant')).toBe('curly');
		expect(printQuotes({ traditional: 'tw', traditionalQuotes: 'curly' }, 'hant')).toBe('curly');
		expect(printQuotes({ traditional: 'tw', traditionalQuotes: 'corner' }, 'hans')).toBe('curly');
	});

	it('turns double quotes into 「」 and quotes inside quotes into 『』', () => {
		expect(toCornerQuotes('開展“五亮五比”行動，即‘亮家底’')).toBe('開展「五亮五比」行動，即『亮家底』');
	});
});

describe('keyFiguresTable', () => {
	it('takes the issue option over the site option', () => {
		expect(keyFiguresTable({ keyFiguresInPrint: 'table' }, {})).toBe(true);
		expect(keyFiguresTable({ keyFiguresInPrint: 'table' }, { keyFiguresInPrint: 'none' })).toBe(false);
		expect(keyFiguresTable({ keyFiguresInPrint: 'none' }, { keyFiguresInPrint: 'table' })).toBe(true);
	});
});

describe('sourceLine', () => {
	it('names the publisher and the title, and the date when known', () => {
		expect(sourceLine({ publisher: '中共湖南省委组织部', title: '党建引领基层治理丨常宁市', date: '2024年12月7日' })).toBe(
			'中共湖南省委组织部《党建引领基层治理丨常宁市》，2024年12月7日',
		);
		expect(sourceLine({ publisher: '绩溪县人民政府' })).toBe('绩溪县人民政府');
		expect(sourceLine({ publisher: '某部', title: '《某刊》' })).toBe('某部《某刊》');
		expect(sourceLine({ publisher: '某部', title: '某部' })).toBe('某部');
	});
});

describe('balancedLines', () => {
	it('keeps a title that fits on one line', () => {
		expect(balancedLines('坚持“五个三” 争创“五面红旗”', 18)).toEqual(['坚持“五个三” 争创“五面红旗”']);
	});

	it('breaks a long title between words into balanced lines, never a lone character', () => {
		const title = '“固本强基、六步夺旗” 推动“五面红旗”创建';
		const lines = balancedLines(title, 18);
		expect(lines).toEqual(['“固本强基、六步夺旗”', '推动“五面红旗”创建']);
		expect(lines.join('')).toBe(title.replace(' ', ''));
		for (const line of lines) expect(emWidth(line)).toBeGreaterThan(2);
		// Every break falls on a boundary the word segmenter allows.
		const runs = breakableRuns(title);
		const boundaries = new Set(runs.map((_, i) => runs.slice(0, i).join('').replace(/\s/g, '').length));
		expect(boundaries.has(lines[0]!.length)).toBe(true);
	});
});
