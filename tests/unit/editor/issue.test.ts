/** The pure parts of `npm run new-issue`: numbering, series, case choice, the issue file. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../src/lib/content/paths.ts';
import {
	caseMatches,
	existingIssue,
	issueDocument,
	ISSUES_HAVE_STATUS,
	nextIssueNumber,
	noteFromEditorText,
	plainTextToMdx,
	resolveCases,
	sameSeries,
	seriesList,
	suggestIssueId,
} from '../../../src/lib/editor/issue.ts';
import { readCases, readIssues, type IssueSummary } from '../../../src/lib/editor/library.ts';
import { IssueSchema } from '../../../src/schemas/issue.ts';
import { splitMdx } from './support.ts';

const issue = (id: string, series: string, number: number, date = '2024-01-01', organization = '编辑部'): IssueSummary => ({
	id,
	series,
	number,
	date,
	organization,
});
const YUNCHENG = '运城市“五面红旗”示范创建专项行动典型经验做法摘编';

describe('series and numbers', () => {
	const issues = [
		issue('yc-1', YUNCHENG, 1, '2021-08-01'),
		issue('yc-2', '运城市"五面红旗"示范创建专项行动典型经验做法摘编', 2, '2021-09-01', '市委组织部'),
		issue('q-7', '季刊', 7, '2020-01-01'),
	];

	it('suggests one more than the highest number of the series; 1 for a new series', () => {
		expect(nextIssueNumber(issues, YUNCHENG)).toBe(3);
		expect(nextIssueNumber(issues, '季刊')).toBe(8);
		expect(nextIssueNumber(issues, '新刊')).toBe(1);
	});

	it('treats quotes and script as the same series', () => {
		expect(sameSeries('常山黨史學習教育專題實踐活動優秀案例選登', '常山党史学习教育专题实践活动优秀案例选登')).toBe(true);
		expect(sameSeries('季刊', '月刊')).toBe(false);
		expect(existingIssue(issues, YUNCHENG, 2)?.id).toBe('yc-2');
	});

	it('lists series most recently issued first, with the latest organisation and a count', () => {
		const list = seriesList(issues);
		expect(list.map((s) => [s.lastNumber, s.count, s.organization])).toEqual([
			[2, 2, '市委组织部'],
			[7, 1, '编辑部'],
		]);
	});

	it('continues the series’ own file naming, else pinyin of its keyword', () => {
		expect(suggestIssueId(issues, YUNCHENG, 3)).toBe('yc-3');
		expect(suggestIssueId(issues, '“五面红旗”新刊', 1)).toBe('wumianhongqi-1');
	});

	it('reads the sample issues and cases', () => {
		const real = readIssues(path.join(PROJECT_ROOT, 'content/issues'));
		expect(nextIssueNumber(real, YUNCHENG)).toBe(2);
		expect(suggestIssueId(real, YUNCHENG, 2)).toBe('yuncheng-wumian-hongqi-2');
		const cases = readCases(path.join(PROJECT_ROOT, 'content/cases'));
		expect(cases.map((c) => c.id)).toContain('yuncheng-yanhu');
		expect(cases.every((c) => c.title && c.date)).toBe(true);
	});
});

describe('choosing cases', () => {
	const cases = readCases(path.join(PROJECT_ROOT, 'content/cases'));

	it('takes ids (with or without .mdx) and exact titles, in the order given', () => {
		expect(resolveCases(['yuncheng-xiaxian.mdx', '创新探索“村情报告会”制度'], cases)).toEqual({
			ids: ['yuncheng-xiaxian', 'changshan-cunqing-baogaohui'],
			unknown: [],
		});
	});

	it('suggests close ids and titles containing the words', () => {
		const { unknown } = resolveCases(['yuncheng-xiaxain', '村情报告会'], cases);
		expect(unknown).toEqual([
			{ given: 'yuncheng-xiaxain', suggestions: ['yuncheng-xiaxian'] },
			{ given: '村情报告会', suggestions: ['changshan-cunqing-baogaohui'] },
		]);
	});

	it('filters the picker by title, unit, id or date in either script', () => {
		const found = (search: string) => cases.filter((c) => caseMatches(c, search)).map((c) => c.id);
		expect(found('盐湖')).toEqual(['yuncheng-yanhu']);
		expect(found('績溪')).toEqual(['jixi-shangzhuang']);
		expect(found('2024-12')).toEqual(['changning-yangquan']);
	});
});

describe('the issue file', () => {
	const answers = {
		series: YUNCHENG,
		number: 2,
		numberLabel: '（二）',
		date: '2021-09-01',
		organization: '中共运城市委组织部',
		internal: false,
		script: 'hans' as const,
		cases: ['yuncheng-xiaxian'],
		note: '',
	};

	it('has frontmatter that passes IssueSchema and the note as inert text', () => {
		const result = issueDocument({ ...answers, note: '本期《办法{试行}》<b>要点</b>\r\n\r\n\r\n第二段 *不是强调*' });
		if ('problems' in result) throw new Error(result.problems.join());
		const { data, body } = splitMdx(result.mdx);
		expect(IssueSchema.parse(data)).toMatchObject({ series: YUNCHENG, number: 2, numberLabel: '（二）', cases: ['yuncheng-xiaxian'] });
		expect(body.trim()).toBe('本期《办法\\{试行\\}》\\<b\\>要点\\</b\\>\n\n第二段 \\*不是强调\\*');
	});

	it('is a draft itself when every case is a draft (where issues have a status), published otherwise', () => {
		const draft = issueDocument({ ...answers, draft: true });
		const published = issueDocument(answers);
		if ('problems' in draft || 'problems' in published) throw new Error('expected both to be valid');
		expect(splitMdx(draft.mdx).data.status).toBe(ISSUES_HAVE_STATUS ? 'draft' : undefined);
		expect(splitMdx(published.mdx).data.status).toBeUndefined();
		expect(IssueSchema.safeParse(splitMdx(draft.mdx).data).success).toBe(true);
	});

	it('reports what the schema misses', () => {
		const result = issueDocument({ ...answers, organization: ' ', cases: [] });
		expect('problems' in result && result.problems.length).toBe(2);
	});

	it('reads a note written in the editor without the guide lines', () => {
		expect(noteFromEditorText('// 说明\n// 再说明\n\n第一段。\n\n第二段。\n')).toBe('第一段。\n\n第二段。');
		expect(plainTextToMdx('  a  \n\n\n b ')).toBe('a\n\nb');
	});
});
