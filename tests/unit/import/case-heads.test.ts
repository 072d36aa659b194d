/**
 * Lines above a case's title that are not its title (rank, category and kicker lines),
 * roundups whose numbered heads each open a paragraph with a subject the gazetteer does not
 * know, and the evidence each guessed field carries (第 N 行：“…”) in the draft and the
 * report. Inputs are our own.
 */
import { describe, expect, it } from 'vitest';
import { subjectAtStart } from '../../../src/lib/import/case-heads.ts';
import { isByline, isCategoryLine, isKickerLine, isMastheadLine, isOrdinalLine } from '../../../src/lib/import/line-kinds.ts';
import { formatReport } from '../../../src/lib/import/report.ts';
import { analyseStructure } from '../../../src/lib/import/structure.ts';
import type { Block } from '../../../src/lib/import/types.ts';
import { setMessageLanguage } from '../../../src/lib/i18n/messages/index.ts';
import { importText, splitMdx } from './support.ts';

const blocks = (...lines: string[]): Block[] => lines.map((text, i) => ({ text, line: i + 1, kind: 'paragraph' }));
const PROSE = (n: number) =>
	`今年以来，该局坚持问题导向，简化审批流程，推行帮办代办，全年共为企业办理事项${n}件，企业满意率达到96%，得到了企业的普遍好评。`;
const INTRO = '为总结推广各地好经验好做法，经过申报推荐和专家评审，共评出十个创新案例。现将案例予以公布，供各地学习借鉴，推动工作再上新台阶。';

describe('lines above a title that are not the title', () => {
	it('knows a rank or number line', () => {
		for (const line of ['排名3', '排名第二', '第七名', '案例4', '典型案例之五', '优秀案例12', '篇三', '第二篇', 'NO.6', 'No 2'])
			expect(isOrdinalLine(line), line).toBe(true);
		for (const line of ['排名靠前的做法', '第一，强化引领', '案例分析', '3', '案例4：某某镇推行积分制'])
			expect(isOrdinalLine(line), line).toBe(false);
	});

	it('knows a category line', () => {
		for (const line of ['【乡村治理类】', '（营商环境类）', '社会事业类案例', '类别：基层治理', '领域：生态环保', '【基层治理】'])
			expect(isCategoryLine(line), line).toBe(true);
		for (const line of ['一类问题，一套办法，一抓到底', '积分兑换让村庄焕然一新', '分类施策，破解垃圾围村难题。'])
			expect(isCategoryLine(line), line).toBe(false);
	});

	it('knows a masthead: the paper, site or channel, its date and page', () => {
		for (const line of [
			'江南日报',
			'某某新闻网',
			'东方网',
			'2023年6月8日 第5版',
			'江南日报 2023年6月8日 星期四 第05版',
			'云岭晚报 A3版',
			'某某县融媒体中心',
		])
			expect(isMastheadLine(line), line).toBe(true);
		for (const line of ['编织民生保障网', '积分换来幸福回报', '2023年6月8日', '日报告制度让问题不过夜'])
			expect(isMastheadLine(line), line).toBe(false);
	});

	it('knows a lone name at the top as a byline, but not a place or an office', () => {
		expect(isByline('李晓燕', true)).toBe(true);
		expect(isByline('赵刚 钱敏', true)).toBe(true);
		for (const line of ['夏县', '青山镇', '桃源村', '信访局']) expect(isByline(line, true), line).toBe(false);
		expect(isByline('李晓燕', false)).toBe(false);
	});

	it('skips a masthead and a column label above a single article’s title, and a byline below it', async () => {
		const doc = await importText(['江南日报 2023年6月8日 第5版', '【基层治理】', '小网格撑起大平安', '李晓燕', PROSE(1), PROSE(2)].join('\n'));
		expect(doc.cases).toHaveLength(1);
		expect(doc.cases[0]?.summary).toMatchObject({ title: '小网格撑起大平安' });
		expect(doc.cases[0]?.summary.subtitle).toBeUndefined();
		expect(doc.removed.map((r) => [r.line, r.reason])).toContainEqual([4, 'byline']);
		const title = doc.cases[0]?.summary.evidence.find((e) => e.field === 'title')?.text ?? '';
		expect(title).toContain('line 1: “江南日报 2023年6月8日 第5版” (a masthead or page line)');
		expect(title).toContain('line 2: “【基层治理】” (a category or column line)');
		expect(splitMdx(doc.cases[0]?.mdx ?? '').body).not.toMatch(/江南日报|基层治理】|李晓燕/u);
	});

	it('reads the place before a dash in a single article’s title as its unit', async () => {
		const doc = await importText(['德清县—积分小超市兑出文明新风', PROSE(1), PROSE(2)].join('\n'));
		expect(doc.cases[0]?.summary).toMatchObject({ title: '积分小超市兑出文明新风', unit: '德清县' });
		const dashless = await importText(['党建引领—凝聚合力', PROSE(1), PROSE(2)].join('\n'));
		expect(dashless.cases[0]?.summary.title).toBe('党建引领—凝聚合力');
	});

	it('knows a kicker of short parallel phrases', () => {
		for (const line of ['守正创新、担当作为、久久为功', '聚焦需求 精准施策 闭环管理', '建机制、强队伍、优服务、见实效'])
			expect(isKickerLine(line), line).toBe(true);
		for (const line of ['党建引领，构建治理体系', '“一窗通办”跑出加速度', '一是、二是', '村集体、合作社、农户、企业、银行、协会共建'])
			expect(isKickerLine(line), line).toBe(false);
	});

	it('takes the title below a rank line and a kicker, and the prose above the first rank line as the collection’s introduction', () => {
		const s = analyseStructure(
			blocks(INTRO, '排名1', '守正创新、担当作为、久久为功', '审批提速跑出“加速度”', '一、基本情况', PROSE(1), '二、主要做法', PROSE(2)),
		);
		expect(s.kind).toBe('collection');
		expect(s.intro.map((b) => b.line)).toEqual([1]);
		expect(s.sections).toHaveLength(1);
		expect(s.sections[0]).toMatchObject({ title: '审批提速跑出“加速度”', titleLine: 4 });
		expect(s.sections[0]?.heads?.map((h) => [h.block.line, h.kind])).toEqual([
			[2, 'ordinal'],
			[3, 'kicker'],
		]);
		expect(s.sections[0]?.blocks[0]?.text).toBe('一、基本情况');
	});

	it('splits at each rank line, a category line above a title included', () => {
		const s = analyseStructure(
			blocks(INTRO, '案例1', '【政务服务类】', '审批提速跑出“加速度”', PROSE(1), '案例2', '【社会治理类】', '小网格撑起大平安', PROSE(2), PROSE(3)),
		);
		expect(s.sections.map((x) => [x.title, x.blocks.length, x.heads?.map((h) => h.kind)])).toEqual([
			['审批提速跑出“加速度”', 1, ['ordinal', 'category']],
			['小网格撑起大平安', 2, ['ordinal', 'category']],
		]);
	});

	it('takes the line below a kicker as the title of a single article', () => {
		const s = analyseStructure(blocks('建机制、强队伍、优服务', '小网格撑起大平安', PROSE(1), PROSE(2)));
		expect(s.kind).toBe('single');
		expect(s.title).toBe('小网格撑起大平安');
		expect(s.sections[0]).toMatchObject({ title: '小网格撑起大平安', titleLine: 2 });
		expect(s.sections[0]?.subtitle).toBeUndefined();
		expect(s.sections[0]?.heads?.map((h) => h.kind)).toEqual(['kicker']);
	});

	it('keeps a two-line title with no kicker as title and subtitle', () => {
		const s = analyseStructure(blocks('小网格撑起大平安', '——某区推行网格化治理的做法', PROSE(1)));
		expect(s.sections[0]).toMatchObject({ title: '小网格撑起大平安', subtitle: '——某区推行网格化治理的做法' });
		expect(s.sections[0]?.heads).toBeUndefined();
	});
});

describe('roundups of short cases under numbered heads', () => {
	it('reads a subject the gazetteer may not know, followed by an action verb', () => {
		expect(subjectAtStart('桂花巷通过五年的改造，实现了老旧小区的华丽转身。')).toBe('桂花巷');
		expect(subjectAtStart('东湖片区以数字平台为抓手，及时发现和处置问题。')).toBe('东湖片区');
		expect(subjectAtStart('这个社区通过议事会解决停车难题。')).toBeUndefined();
		expect(subjectAtStart('通过议事会，社区解决了停车难题。')).toBeUndefined();
		expect(subjectAtStart('居民满意度明显提升，社区面貌焕然一新。')).toBeUndefined();
		expect(subjectAtStart('园区通过优化服务，吸引企业入驻。')).toBeUndefined();
	});

	it('splits every numbered head over a paragraph that opens with a different place or subject, leaving group headings and their introductions out', async () => {
		const doc = await importText(
			[
				'城市社区是基层治理的前沿阵地，各地在实践中形成了许多好做法，下面按主题介绍几个有代表性的例子，供参考借鉴。',
				'一、党建引领',
				'1. 网格党建，联户到家',
				'浙江省德清县城东社区通过建强网格党支部，把党员编入网格联系群众，群众满意度提升到97%。',
				'2. 红色物业，共建共享',
				'四川省郫县团结街道通过引导物业企业建立党组织，实现小区治理与物业服务同频共振。',
				'二、智慧治理',
				'在智慧治理方面，各地也作了有益探索，下面是其中两个例子，供参考借鉴，也欢迎读者补充交流。',
				'1. 一屏统览，快速处置',
				'东湖片区通过建设数字治理平台，实现了矛盾纠纷和安全隐患的快速发现、快速处置。',
				'2. 微改造，大变化',
				'桂花巷通过五年的持续改造，实现了从脏乱差到干净整洁的转变，居民纷纷点赞叫好。',
			].join('\n'),
		);
		expect(doc.cases.map((c) => [c.summary.title, c.summary.unit])).toEqual([
			['网格党建，联户到家', '浙江省德清县城东社区'],
			['红色物业，共建共享', '四川省郫县团结街道'],
			['一屏统览，快速处置', '东湖片区'],
			['微改造，大变化', '桂花巷'],
		]);
		const second = splitMdx(doc.cases[1]?.mdx ?? '').body;
		expect(second).not.toMatch(/智慧治理|有益探索/u);
		expect(doc.warnings.some((w) => w.line === 7 && /part of no case/u.test(w.message))).toBe(true);
	});
});

describe('one case with numbered points over generic subjects', () => {
	it('stays one case when the subjects under its numbered heads are no known places', async () => {
		const doc = await importText(
			[
				'德清县优化营商环境的做法',
				'今年以来，我县聚焦企业所需，持续深化改革，推动营商环境不断优化，企业获得感明显增强，各项工作取得了积极成效。',
				'1. 优化服务',
				'物流园区通过设立企业服务专班，帮助企业解决用工、融资等难题，全年走访企业300余家，解决问题120个。',
				'2. 强化保障',
				'产业园区以要素保障为重点，统筹用地、用能指标，保障重点项目落地，全年新开工项目45个，完成投资20亿元。',
			].join('\n'),
		);
		expect(doc.cases).toHaveLength(1);
		expect(doc.cases[0]?.summary.title).toBe('德清县优化营商环境的做法');
	});
});

describe('evidence for every guess', () => {
	const SOURCE = [
		'为总结推广好经验，评出十个创新案例，现予公布，供各地学习借鉴，推动各项工作再上新台阶，更好服务企业和群众。',
		'排名1',
		'守正创新、担当作为、久久为功',
		'审批提速跑出“加速度”',
		'浙江省德清县行政审批局坚持问题导向，推行帮办代办，全年为企业办理事项1200件，企业满意率达到96%。',
	].join('\n');

	it('says in each guessed field’s comment which line it was read from', async () => {
		setMessageLanguage('zh');
		try {
			const doc = await importText(SOURCE);
			const draft = doc.cases[0];
			expect(draft?.summary.title).toBe('审批提速跑出“加速度”');
			const mdx = draft?.mdx ?? '';
			const comment = (key: string) => new RegExp(`((?:^#.*\\n)+)${key}:`, 'mu').exec(mdx)?.[1] ?? '';
			expect(comment('title')).toContain('第 2 行：“排名1”（排名或序号行）');
			expect(comment('title')).toContain('第 3 行：“守正创新、担当作为、久久为功”（引题）');
			expect(comment('title')).toContain('依据第 4 行：“审批提速跑出“加速度””');
			expect(comment('unit')).toMatch(/依据第 5 行：“浙江省德清县行政审批局坚持问题导向/u);
			expect(comment('region')).toMatch(/德清县（330521，浙江省湖州市德清县）；依据第 5 行：“/u);
			expect(comment('metrics')).toContain('1200件（第 5 行）');
			expect(comment('summary')).toContain('依据第 5 行');
			// The review list stays a list of field names (the schema's, and what `--force` flags as genre).
			expect(splitMdx(mdx).data.review).toEqual(expect.arrayContaining(['title', 'unit', 'region', 'metrics', 'summary']));
			const report = formatReport(doc, { cases: ['a.mdx'], dryRun: true });
			expect(report).toContain('title：猜测：标题旁的第 2 行：“排名1”（排名或序号行）');
			expect(report).toMatch(/region：猜测：德清县（330521，浙江省湖州市德清县）；依据第 5 行/u);
		} finally {
			setMessageLanguage('en');
		}
	});

	it('says the same in English with --lang en', async () => {
		const doc = await importText(SOURCE);
		const evidence = Object.fromEntries((doc.cases[0]?.summary.evidence ?? []).map((e) => [e.field, e.text]));
		expect(evidence.title).toContain('line 2: “排名1” (a rank or number line)');
		expect(evidence.region).toMatch(/^guessed: 德清县 \(330521, 浙江省湖州市德清县\); from line 5: “/u);
		expect(doc.cases[0]?.mdx).toMatch(/^# guessed from .*; from line 5: “浙江省德清县行政审批局/mu);
	});
});
