/** Splitting documents into cases, titles and points, on inputs of our own. */
import { describe, expect, it } from 'vitest';
import { analyseStructure } from '../../../src/lib/import/structure.ts';
import { pointFamily, pointLead, structureBody } from '../../../src/lib/import/points.ts';
import { isUnitLine } from '../../../src/lib/import/units.ts';
import type { Block } from '../../../src/lib/import/types.ts';
import { importText, splitMdx } from './support.ts';

const blocks = (...lines: string[]): Block[] => lines.map((text, i) => ({ text, line: i + 1, kind: 'paragraph' }));
const PROSE = (n: number) =>
	`今年以来，该单位坚持问题导向，创新工作机制，全年共办理群众诉求${n}件，群众满意率达到98%，得到了上级的充分肯定和群众的广泛好评。`;

describe('issues of several cases', () => {
	it('splits at unit lines, reads each section’s title and subtitle, and keeps the intro as 编者按', () => {
		const s = analyseStructure(
			blocks(
				'某某县基层治理优秀案例选编（第3期）',
				'编者按：现将部分单位的经验做法予以刊发，供学习借鉴。各地要结合实际，认真抓好推广运用，推动工作提质增效。',
				'县委政法委',
				'“说事评理”化解矛盾',
				'让小事不出村',
				PROSE(1),
				'青山镇',
				'积分超市激活乡村治理',
				PROSE(2),
				PROSE(3),
			),
		);
		expect(s.kind).toBe('issue');
		expect(s.title).toBe('某某县基层治理优秀案例选编（第3期）');
		expect(s.intro.map((b) => b.line)).toEqual([2]);
		expect(s.sections.map((x) => [x.unit, x.title, x.subtitle, x.blocks.length])).toEqual([
			['县委政法委', '“说事评理”化解矛盾', '让小事不出村', 1],
			['青山镇', '积分超市激活乡村治理', undefined, 2],
		]);
	});

	it('skips a table of contents that lists the units before the sections', () => {
		const s = analyseStructure(blocks('某某经验摘编', '县委组织部', '县委宣传部', '县委组织部', PROSE(1), '县委宣传部', PROSE(2)));
		expect(s.kind).toBe('issue');
		expect(s.sections.map((x) => x.unit)).toEqual(['县委组织部', '县委宣传部']);
	});

	it('reports a document that only lists units, with no case text', async () => {
		const s = analyseStructure(blocks('2024年度典型案例名单', '盐湖区', '夏县', '芮城县', '县委组织部'));
		expect(s.kind).toBe('list-only');
		expect(s.listedUnits).toEqual(['盐湖区', '夏县', '芮城县', '县委组织部']);
		const doc = await importText('2024年度典型案例名单\n\n盐湖区\n\n夏县\n\n芮城县\n\n县委组织部\n');
		expect(doc.cases).toEqual([]);
		expect(doc.noCases).toBe('the document only lists units (盐湖区、夏县、芮城县、县委组织部) with no case text under them; nothing to import');
	});

	it('reads a single article with its title and a unit line after it', () => {
		const s = analyseStructure(blocks('网格里的幸福密码', '青山镇', PROSE(5)));
		expect(s.kind).toBe('single');
		expect(s.sections[0]).toMatchObject({ unit: '青山镇', title: '网格里的幸福密码' });
	});

	it('reads a single article without title or unit lines', () => {
		const s = analyseStructure(blocks(PROSE(1), PROSE(2)));
		expect(s).toMatchObject({ kind: 'single', sections: [{ blocks: [{ line: 1 }, { line: 2 }] }] });
		expect(s.sections[0]!.title).toBeUndefined();
	});
});

describe('unit lines', () => {
	it.each(['县委组织部', '市委宣传部', '洋泉镇党委', '盐湖区', '通道县', '县住建局', '区政务服务中心', '青山镇', '城关街道党工委'])(
		'%s is a unit',
		(text) => {
			expect(isUnitLine(text)).toBe(true);
		},
	);
	it.each(['建设美丽乡村', '推动镇党委书记抓基层', '激发文化活力 赋能共同富裕', '城乡融合', '打造“共富村”', '一是坚持三个聚焦', '乡村振兴示范片区'])(
		'%s is not',
		(text) => {
			expect(isUnitLine(text)).toBe(false);
		},
	);
});

describe('points', () => {
	it('recognises the marker families', () => {
		expect(
			[
				'一是抓好',
				'（二）强化保障',
				'(三)做法',
				'第一，坚持',
				'四、工作成效',
				'（1）细则',
				'2. 做法',
				'③积分',
				'一批干部',
				'十分重要',
				'2023年以来',
				'1.5万人',
			].map(pointFamily),
		).toEqual(['一是', '（一）', '（一）', '第一', '一、', '（1）', '1.', '①', undefined, undefined, undefined, undefined]);
	});

	it('splits a point into its lead and the rest', () => {
		expect(pointLead('一是书记公开讲、专题述。结合支部主题党日活动开展。')).toEqual({
			lead: '一是书记公开讲、专题述。',
			rest: '结合支部主题党日活动开展。',
		});
		expect(pointLead('一是坚持三个聚焦，争创党建引领红旗。')).toEqual({ lead: '一是坚持三个聚焦，争创党建引领红旗。', rest: '' });
	});

	it('makes headings of a family whose points all have short leads', () => {
		const nodes = structureBody(
			blocks(
				PROSE(1),
				'（一）划细网格。全镇划分为128个网格，配备网格员300余名，做到有事找网格、网格解难题。',
				'（二）积分激励。制定积分细则，群众参与环境整治可获积分。',
			),
		);
		expect(nodes.map((n) => n.type)).toEqual(['paragraph', 'heading', 'paragraph', 'heading', 'paragraph']);
		expect(nodes[1]).toMatchObject({ depth: 2, text: '（一）划细网格' });
	});

	it('makes a list, with bold leads where there are some, of a family with long points', () => {
		const long =
			'第一，坚持把党的领导贯穿基层治理全过程各方面，健全党组织领导的自治法治德治相结合的城乡基层治理体系，推动治理重心下移、力量下沉、资源下放。';
		const nodes = structureBody(blocks(long, '第二，完善机制。建立健全村级议事协商制度。'));
		expect(nodes).toEqual([
			{
				type: 'list',
				items: [
					{ text: long, line: 1 },
					{ text: '建立健全村级议事协商制度。', lead: '第二，完善机制。', line: 2 },
				],
			},
		]);
	});

	it('nests a second family one level below the first, and below implicit section headings', () => {
		const nodes = structureBody(
			blocks('强化制度保障', PROSE(1), '一、划细网格', PROSE(2), '（一）明确职责', PROSE(3), '（二）定期走访', PROSE(4), '二、积分激励', PROSE(5)),
		);
		const headings = nodes.flatMap((n) => (n.type === 'heading' ? [[n.depth, n.text]] : []));
		expect(headings).toEqual([
			[2, '强化制度保障'],
			[3, '一、划细网格'],
			[4, '（一）明确职责'],
			[4, '（二）定期走访'],
			[3, '二、积分激励'],
		]);
	});

	it('leaves points that run inside a paragraph as running text', async () => {
		const text = `某某镇\n\n${PROSE(1)}一是做好宣传，当群众热心人。二是做好服务，当群众知心人。`;
		const doc = await importText(text);
		const body = splitMdx(doc.cases[0]!.mdx).body;
		expect(body).not.toMatch(/^#/mu);
		expect(body).toContain('一是做好宣传，当群众热心人。二是做好服务');
	});
});
