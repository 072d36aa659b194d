import { describe, expect, it } from 'vitest';
import { breakableRuns, emWidth, mastheadLayout } from '../../../src/lib/print/line-breaks.ts';

const TITLES = [
	'打好“屋场党建+三长制”组合拳，凝聚基层治理新合力',
	'以“領”“融”“新”三字為要訣 抓黨建促基層治理',
	'整合1.02亿元财政资金投入基层党建（2024年）。',
	'“固本强基、六步夺旗” 推动“五面红旗”创建',
];

describe('breakableRuns', () => {
	it.each(TITLES)('gives the text back unchanged: %s', (title) => {
		expect(breakableRuns(title).join('')).toBe(title);
	});

	it.each(TITLES)('never starts a line with closing punctuation or ends one with opening: %s', (title) => {
		const runs = breakableRuns(title);
		for (const run of runs.slice(1)) expect(run).not.toMatch(/^[，。、；：？！）》」”’]/);
		for (const run of runs.slice(0, -1)) expect(run).not.toMatch(/[（《「“‘]$/);
	});

	it('keeps a figure with its unit', () => {
		const runs = breakableRuns('整合1.02亿元财政资金投入2024年');
		expect(runs.some((run) => run.includes('1.02亿'))).toBe(true);
		expect(runs.some((run) => run.includes('2024年'))).toBe(true);
	});

	it('breaks between words, so a long title has several places to break', () => {
		expect(breakableRuns(TITLES[0]!).length).toBeGreaterThan(5);
	});
});

describe('emWidth', () => {
	it('counts ideographs and CJK quotes as 1, ASCII as ½', () => {
		expect(emWidth('五面红旗')).toBe(4);
		expect(emWidth('“五”')).toBe(3);
		expect(emWidth('2024年')).toBe(3);
	});
});

describe('mastheadLayout', () => {
	it('sets a short series on one line, 初号 at most', () => {
		expect(mastheadLayout('典型经验做法摘编')).toEqual({ lines: ['典型经验做法摘编'], fontSizePt: 42 });
	});

	it('shrinks a middling series to fit one line of the type area', () => {
		const { lines, fontSizePt } = mastheadLayout('党建引领基层治理典型案例选编');
		expect(lines).toHaveLength(1);
		expect(fontSizePt * 14 * 1.05).toBeLessThanOrEqual(442);
		expect(fontSizePt).toBeGreaterThanOrEqual(28);
	});

	it('splits a long series into two balanced lines at a word boundary', () => {
		const series = '运城市“五面红旗”示范创建专项行动典型经验做法摘编';
		const { lines, fontSizePt } = mastheadLayout(series);
		expect(lines).toHaveLength(2);
		expect(lines.join('')).toBe(series);
		expect(Math.abs(emWidth(lines[0]!) - emWidth(lines[1]!))).toBeLessThanOrEqual(3);
		expect(fontSizePt).toBeLessThanOrEqual(36);
		expect(fontSizePt * Math.max(...lines.map(emWidth)) * 1.05).toBeLessThanOrEqual(442);
	});
});
