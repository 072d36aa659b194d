import { describe, expect, it } from 'vitest';
import type { CaseRef, IssueRef } from '../../../src/lib/compendium/types.ts';
import { caseFeedItems, feedChannel, issueFeedItems, type FeedContext } from '../../../src/lib/publish/feed.ts';
import type { Case } from '../../../src/schemas/case.ts';
import type { Script } from '../../../src/schemas/script.ts';

function caseRef(id: string, date: string, overrides: Partial<Case> = {}): CaseRef {
	return {
		id,
		data: {
			title: `${id}村党支部推进网格化管理`,
			unit: '县委组织部',
			region: { code: '330822' },
			methods: ['grid-governance'],
			metrics: [],
			date: new Date(date),
			source: { publisher: '衢州日报' },
			script: 'hans',
			summary: '该县建立网格员队伍，发现处置矛盾纠纷106件。',
			status: 'published',
			...overrides,
		},
	};
}

const context = (script: Script, base = '/'): FeedContext => ({
	script,
	base,
	siteUrl: 'https://www.example.gov.cn',
	methodName: (slug) => (slug === 'grid-governance' ? '网格化管理与联户服务' : undefined),
});

describe('caseFeedItems', () => {
	const cases = [caseRef('b', '2024-03-01'), caseRef('a', '2025-01-10'), caseRef('c', '2023-06-30')];

	it('lists the newest cases first, up to the limit, with absolute links under the base', () => {
		const items = caseFeedItems(cases, context('hans', '/dxal/'), 2);
		expect(items.map((i) => i.link)).toEqual([
			'https://www.example.gov.cn/dxal/zh-hans/cases/a/',
			'https://www.example.gov.cn/dxal/zh-hans/cases/b/',
		]);
		expect(items[0]?.pubDate).toEqual(new Date('2025-01-10'));
	});

	it('writes titles, summaries and categories in the feed script', () => {
		const [item] = caseFeedItems([caseRef('a', '2025-01-10')], context('hant'));
		expect(item?.title).toBe('a村黨支部推進網格化管理');
		expect(item?.description).toBe('該縣建立網格員隊伍，發現處置矛盾糾紛106件。');
		expect(item?.categories).toEqual(['浙江省', '網格化管理與聯戶服務']);
		const [source] = caseFeedItems([caseRef('a', '2025-01-10')], context('hans'));
		expect(source?.title).toBe('a村党支部推进网格化管理');
	});

	it('converts a case written in 繁體 for the 简体 feed and keeps figures as written', () => {
		const hant = caseRef('t', '2025-01-10', { script: 'hant', title: '村務公開', summary: '全年辦結1.2萬件。', subtitle: '群眾滿意' });
		const [item] = caseFeedItems([hant], context('hans'));
		expect(item?.title).toBe('村务公开——群众满意');
		expect(item?.description).toBe('全年办结1.2万件。');
	});
});

describe('issueFeedItems', () => {
	it('lists issues newest first with their cases in printed order', () => {
		const issue = (id: string, date: string, caseIds: string[]): IssueRef => ({
			id,
			data: {
				series: '典型经验做法摘编',
				number: Number(id.slice(-1)),
				date: new Date(date),
				organization: '编辑部',
				internal: false,
				status: 'published',
				script: 'hans',
				cases: caseIds,
			},
		});
		const byId = new Map([caseRef('x', '2024-01-01'), caseRef('y', '2024-01-02')].map((c) => [c.id, c]));
		const items = issueFeedItems([issue('issue-1', '2024-01-01', ['x']), issue('issue-2', '2024-05-01', ['y', 'x'])], byId, context('hant'));
		expect(items.map((i) => i.title)).toEqual(['典型經驗做法摘編 第2期', '典型經驗做法摘編 第1期']);
		expect(items[0]?.description).toBe('本期目錄：y村黨支部推進網格化管理；x村黨支部推進網格化管理');
		expect(items[0]?.link).toBe('https://www.example.gov.cn/zh-hant/issues/issue-2/');
	});
});

describe('feedChannel', () => {
	it('names the feed in its script, its language and its own address', () => {
		const channel = feedChannel(context('hant', '/dxal/'), { title: '典型案例汇编', description: '各地经验' }, 'issues');
		expect(channel.title).toBe('典型案例彙編 - 最新期刊');
		expect(channel.site).toBe('https://www.example.gov.cn/dxal/zh-hant/');
		expect(channel.customData).toContain('<language>zh-Hant</language>');
		expect(channel.customData).toContain('href="https://www.example.gov.cn/dxal/zh-hant/issues.xml"');
	});
});
