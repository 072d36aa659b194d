import { describe, expect, it } from 'vitest';
import { excerpt, highlight, matchRanges, type Segment } from '../../../src/lib/search/excerpt.ts';
import { fullFoldMap } from '../../../src/lib/search/fold-table.ts';

const fold = fullFoldMap();
const marked = (segments: Segment[]) => segments.filter((s) => s.mark).map((s) => s.text);
const text = (segments: Segment[]) => segments.map((s) => s.text).join('');

describe('excerpts', () => {
	it('marks a simplified query in 繁體 text, in the reader’s characters', () => {
		expect(marked(highlight('創新探索“村情報告會”制度', ['村情报告会'], fold))).toEqual(['村情報告會']);
		expect(matchRanges('ＰＤＦ版pdf', ['pdf'], fold)).toEqual([
			[0, 3],
			[4, 7],
		]);
	});

	it('merges overlapping matches of several phrases', () => {
		expect(matchRanges('五面红旗创建', ['五面红', '红旗'], fold)).toEqual([[0, 4]]);
	});

	it('cuts a window around the first match, from a sentence start nearby', () => {
		const body = `${'前文很长。'.repeat(30)}开展“清凉一夏”活动，建立“爱心驿站”76个。${'后文很长。'.repeat(30)}`;
		const segments = excerpt(['摘要没有关键词。', body], ['爱心驿站'], fold, 60);
		expect(marked(segments)).toEqual(['爱心驿站']);
		expect(text(segments).startsWith('…开展')).toBe(true);
		expect(text(segments).endsWith('…')).toBe(true);
		expect([...text(segments)].length).toBeLessThanOrEqual(62);
	});

	it('falls back to the start of the summary when the match is elsewhere (title, place)', () => {
		const segments = excerpt(['县委组织部创新实施制度。', '正文。'], ['常山'], fold, 5);
		expect(segments).toEqual([
			{ text: '县委组织部', mark: false },
			{ text: '…', mark: false },
		]);
	});
});

describe('excerpt starts', () => {
	it('begins after a clause end when no sentence ends shortly before the match', () => {
		const segments = excerpt(['夏县开展以估旗、荐旗、抢旗为主要内容的专项行动，推动五面红旗创建重点突出'], ['五面红旗'], fold, 40);
		expect(segments.map((s) => s.text).join('')).toMatch(/^…推动五面红旗/);
	});
});
