/**
 * Line and block kinds, one small input of our own per kind: datelines, bylines, captions,
 * chrome, source and date lines, place-headed collections, tables of contents and lead-ins,
 * non-case documents, run-in bold leads and tables in Word, metric labels and periods.
 */
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, HeadingLevel } from 'docx';
import { describe, expect, it } from 'vitest';
import { placeAtStart, placeTitleLine, preamble } from '../../../src/lib/import/case-heads.ts';
import { nonCaseReason } from '../../../src/lib/import/genre.ts';
import { chromeReason, closingDate, isByline, isCaption, leadingDateline, sourceLine } from '../../../src/lib/import/line-kinds.ts';
import { metricsFromText } from '../../../src/lib/import/metric-labels.ts';
import type { Block } from '../../../src/lib/import/types.ts';
import { NotACaseError } from '../../../src/lib/import/types.ts';
import { importBytes, importText, splitMdx } from './support.ts';

const blocks = (lines: string[]): Block[] => lines.map((text, i) => ({ text, line: i + 1, kind: 'paragraph' }));
const PROSE = '今年以来，某某镇坚持党建引领，组织党员干部深入群众，帮助群众解决实际困难，受到群众普遍好评。';

describe('wrapper lines', () => {
	it('cuts a dateline or byline off the first paragraph', () => {
		expect(leadingDateline('本报讯（记者 王某某）近日，某镇召开大会。')).toBe('本报讯（记者 王某某）');
		expect(leadingDateline('某某网某地5月2日讯 ( 通讯员 李某 ) 5月1日，某村开展活动。')).toMatch(/^某某网某地5月2日讯 \( 通讯员 李某 \) $/u);
		expect(leadingDateline('新华社北京3月1日电 今年以来，各地积极推进。')).toBe('新华社北京3月1日电 ');
		expect(leadingDateline('近日，某镇召开大会，部署工作。')).toBeUndefined();
		expect(leadingDateline('某镇以党建为引领，推动发展。')).toBeUndefined();
	});

	it('knows bylines, captions and page chrome', () => {
		expect(isByline('文/张某某', false)).toBe(true);
		expect(isByline('记者 王某 通讯员 李某某', false)).toBe(true);
		expect(isByline('赵某某', true)).toBe(true);
		expect(isByline('赵某某', false)).toBe(false);
		expect(isCaption('图为志愿者在村里打扫卫生')).toBe(true);
		expect(isCaption('活动现场。某某网记者 钱某摄')).toBe(true);
		expect(isCaption('【资料图】')).toBe(true);
		expect(isCaption(PROSE)).toBe(false);
		expect(chromeReason('标签：')).toBe('keyword line');
		expect(chromeReason('https://example.org/a/1.html 点击复制链接')).toBe('copy-link line');
		expect(chromeReason('|')).toBe('separator');
		expect(chromeReason('3、成为VIP会员后可免费下载本文档')).toBe('document-store terms');
		expect(chromeReason(PROSE)).toBeUndefined();
	});

	it('reads a closing （…供稿） line and a closing date', () => {
		expect(sourceLine('（某某县委组织部组织二股供稿）')).toBe('某某县委组织部组织二股');
		expect(sourceLine('（某某县委组织部）')).toBeUndefined();
		expect(closingDate('2023年9月5日')).toBe('2023-09-05');
		expect(closingDate('2023年9月5日，某镇召开会议。')).toBeUndefined();
	});

	it('imports a text without its byline, caption and chrome, with source and date from its last lines', async () => {
		const doc = await importText(
			[
				'钱某某',
				'德清县：小积分兑出新风尚',
				`本报讯（记者 孙某）${PROSE}`,
				'图为村民兑换生活用品',
				PROSE.replace('今年以来', '同时'),
				'关键词：',
				'（某某县委宣传部供稿）',
				'2024年3月8日',
			].join('\n'),
		);
		const draft = doc.cases[0]!;
		const { data, body } = splitMdx(draft.mdx);
		expect(body).not.toMatch(/钱某某|本报讯|图为|关键词|供稿|2024年3月8日/u);
		expect(data.title).toBe('小积分兑出新风尚');
		expect(data.date).toBe('2024-03-08');
		expect((data.source as { publisher: string }).publisher).toBe('某某县委宣传部');
	});
});

describe('document shapes', () => {
	it('splits a collection at place—title lines and at paragraphs that open with different places', () => {
		expect(placeTitleLine('2、 杭州市—开办企业“一件事”一日办结')).toEqual({ unit: '杭州市', title: '开办企业“一件事”一日办结' });
		expect(placeTitleLine('党建引领—凝聚合力')).toBeUndefined();
		expect(placeAtStart('山西省晋中市通过抓队伍建设，推动治理。')).toBe('山西省晋中市');
		expect(placeAtStart('乡村治理是国家治理的基石。')).toBeUndefined();
	});

	it('imports each place-opening paragraph as a case, with the numbered line above as its title', async () => {
		const doc = await importText(
			[
				'近年来，各地探索基层治理新路子，涌现出一批好做法，这里选取几例供学习参考，希望对大家有所启发。',
				'1. 网格连心，服务到家',
				'浙江省德清县通过划细网格、配强网格员，把服务送到群众家门口，群众满意度达到98%。',
				'2. 积分激励，人人参与',
				'四川省郫县推行积分制管理，全县共有200个村参与积分评比，带动群众参与村级事务。',
			].join('\n'),
		);
		expect(doc.cases.map((c) => [c.summary.title, c.summary.unit])).toEqual([
			['网格连心，服务到家', '浙江省德清县'],
			['积分激励，人人参与', '四川省郫县'],
		]);
		expect(doc.issue).toBeUndefined();
	});

	it('skips a table of contents and a lead-in before the document', () => {
		expect(preamble(blocks(['一、背景', '（一）起因', '（二）经过', '二、做法', '（一）机制', '某县调研报告', PROSE]))).toBe(5);
		expect(preamble(blocks([PROSE, '以下为获奖案例：', '某某标题', PROSE]))).toBe(2);
		expect(preamble(blocks(['某县：标题', PROSE]))).toBe(0);
	});

	it('refuses lists, notices and meeting reports with a one-line reason, or imports them flagged with --force', async () => {
		expect(nonCaseReason(blocks(['名单如下', ...Array.from({ length: 6 }, (_, i) => `某地${i} | 某某做法${i} |`)]))).toMatch(/6 rows|6 行/u);
		expect(nonCaseReason(blocks(['关于征集第二批优秀案例的通知', PROSE]))).toMatch(/notice|通知/u);
		const meeting = ['3月1日，某县召开全县基层治理工作推进会，各乡镇分管负责同志参会，与会人员实地观摩了三个村。', '会议强调，要持续推进基层治理。'];
		expect(nonCaseReason(blocks(meeting))).toMatch(/meeting|会议/u);
		expect(nonCaseReason(blocks([PROSE, PROSE]))).toBeUndefined();
		await expect(importText(meeting.join('\n'))).rejects.toBeInstanceOf(NotACaseError);
		const forced = await importText(meeting.join('\n'), 'meeting.txt', { force: true });
		expect(forced.cases[0]!.data.review).toContain('genre');
	});
});

describe('metrics', () => {
	it('labels a figure with the noun phrase it measures, and attaches a period only when stated next to it', () => {
		const [share] = metricsFromText('参与积分评比的农户占60%。', 1);
		expect(share!.label).toBe('参与积分评比的农户占比');
		const [villages] = metricsFromText('全县共有120个村参与。', 1);
		expect(villages!.label).toBe('村数');
		const [current, past] = metricsFromText('2022年，全村收入30万元，目前已有80户加入合作社。', 1);
		expect(current!.period).toBe('2022年');
		expect(past!.period).toBeUndefined();
	});
});

describe('a typical Word document', () => {
	it('keeps title, subtitle, unit, run-in bold points, the table with its caption, the 供稿 unit and the date', async () => {
		const cell = (text: string) => new TableCell({ children: [new Paragraph(text)] });
		const bytes = await Packer.toBuffer(
			new Document({
				sections: [
					{
						children: [
							new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun('小积分撬动乡村大治理')] }),
							new Paragraph({ children: [new TextRun('——某某县推行积分制管理的实践')] }),
							new Paragraph({ children: [new TextRun('某某县委组织部')] }),
							new Paragraph({
								children: [
									new TextRun({ text: '一是建立积分清单。', bold: true }),
									new TextRun('全县共有120个村制定积分清单，参与积分评比的农户占60%。'),
								],
							}),
							new Paragraph({
								children: [
									new TextRun({ text: '二是定期兑换奖励。', bold: true }),
									new TextRun('每季度兑换一次，累计兑换生活用品3000余件，群众满意度达98%。'),
								],
							}),
							new Paragraph({
								children: [
									new TextRun({ text: '三是评星定级。', bold: true }),
									new TextRun('按积分评定星级文明户，星级农户可享受最高5万元的信用贷款。'),
								],
							}),
							new Paragraph('表1 积分兑换情况'),
							new Table({
								rows: [
									new TableRow({ children: ['镇', '参与户数', '兑换次数', '积分总数'].map(cell) }),
									new TableRow({ children: ['甲镇', '320', '12', '5600'].map(cell) }),
									new TableRow({ children: ['乙镇', '280', '10', '4900'].map(cell) }),
									new TableRow({ children: ['丙镇', '410', '15', '7300'].map(cell) }),
								],
							}),
							new Paragraph('（某某县委组织部组织二股供稿）'),
							new Paragraph('2024年11月20日'),
						],
					},
				],
			}),
		);
		const doc = await importBytes(bytes, 'typical.docx');
		expect(doc.cases).toHaveLength(1);
		const { data, body } = splitMdx(doc.cases[0]!.mdx);
		expect(data.title).toBe('小积分撬动乡村大治理');
		expect(data.subtitle).toBe('某某县推行积分制管理的实践');
		expect(data.unit).toBe('某某县委组织部');
		expect(data.date).toBe('2024-11-20');
		expect((data.source as { publisher: string }).publisher).toBe('某某县委组织部组织二股');
		expect(body).toMatch(/^\*\*一是建立积分清单。\*\*全县共有120个村/mu);
		expect(body).not.toMatch(/^#/mu);
		expect(body).toContain('表1 积分兑换情况');
		expect(body).toMatch(/^\| 镇 +\| 参与户数 +\| 兑换次数 +\| 积分总数 +\|$/mu);
		expect(body).toMatch(/^\| 丙镇 +\| 410 +\| 15 +\| 7300 +\|$/mu);
		expect(body).not.toMatch(/供稿|2024年11月20日/u);
		const metrics = data.metrics as Array<{ label: string; text: string; period?: string }>;
		expect(metrics.map((m) => m.text)).toEqual(['120个', '60%', '3000余件', '98%', '5万元']);
		expect(metrics.find((m) => m.text === '60%')!.label).toBe('参与积分评比的农户占比');
		expect(metrics.every((m) => m.period === undefined)).toBe(true);
		expect(metrics.map((m) => m.label)).not.toContain('的农户可享受最高');
	});
});
