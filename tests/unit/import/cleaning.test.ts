/** Each cleaning rule on small inputs, including ones unlike the seeds. */
import { describe, expect, it } from 'vitest';
import { debrisReason, parseFactLine, removeDebris } from '../../../src/lib/import/debris.ts';
import { findGarble, stripStrayMarkup } from '../../../src/lib/import/garble.ts';
import { removeRepeatedHeaders } from '../../../src/lib/import/page-headers.ts';
import { removePinyinAnnotations } from '../../../src/lib/import/pinyin.ts';
import { restoreFullwidthPunctuation } from '../../../src/lib/import/punctuation.ts';
import { revertTaiwanPhrasing } from '../../../src/lib/import/taiwan-phrasing.ts';
import { detectScript } from '../../../src/lib/import/script.ts';
import { blocksFromLines, joinHardWraps } from '../../../src/lib/import/extract-text.ts';
import { normalizeSpaces } from '../../../src/lib/import/cjk.ts';
import type { Block } from '../../../src/lib/import/types.ts';

const BODY = '今年以来，某某镇坚持党建引领，把党小组建在网格上，全镇共收集群众诉求1560件，办结率达98.6%，群众满意度明显提升。';
const blocks = (...lines: string[]): Block[] => lines.map((text, i) => ({ text, line: i + 1, kind: 'paragraph' }));
const restore = (text: string) => restoreFullwidthPunctuation(text).text;

describe('site debris', () => {
	it.each([
		['您好，欢迎访问某某市人民政府网站！', 'greeting'],
		['您现在的位置：首页 > 新闻中心 > 基层动态', 'breadcrumb'],
		['首页 » 政务公开 » 工作动态', 'breadcrumb'],
		['微信扫一扫，分享到朋友圈', 'share or QR prompt'],
		['【打印本页】 【关闭窗口】', 'share or QR prompt'],
		['相关阅读：某县召开党建工作会议', 'related-reading line'],
		['上一篇：关于开展某某活动的通知', 'related-reading line'],
		['免责声明：本站所载文章仅代表作者观点', 'disclaimer'],
		['Copyright © 2024 某某县融媒体中心', 'copyright footer'],
		['蜀ICP备12345678号-2', 'ICP/公安备案 footer'],
		['川公网安备 51010402000123号', 'ICP/公安备案 footer'],
		['网站标识码：5101000001', 'ICP/公安备案 footer'],
		['技术支持：某某网络科技有限公司', 'site information'],
		['服务热线：0838-1234567', 'contact details'],
		['0838-1234567  13912345678', 'contact details'],
		['本站访问量：1234567', 'visitor counter'],
		['- 3 -', 'page number'],
		['第 2 页 共 5 页', 'page number'],
	])('recognises %s', (line, reason) => {
		expect(debrisReason(line)).toBe(reason);
	});

	it('never takes case prose for debris because it mentions a phone line', () => {
		const prose =
			'开通24小时服务热线，群众拨打热线电话反映诉求，由网格员在2小时内上门处置，今年以来共受理群众来电5600余件，办结率达99%，群众满意率持续提升。';
		expect(debrisReason(prose)).toBeUndefined();
		expect(debrisReason(BODY)).toBeUndefined();
	});

	it('reads publication facts from 时间/作者/来源 and 原文链接 lines', () => {
		expect(parseFactLine('时间:2024-12-07 作者:佚名 来源:中共湖南省委组织部')).toEqual({
			date: '2024-12-07',
			author: '佚名',
			publisher: '中共湖南省委组织部',
		});
		expect(parseFactLine('发布日期：2023年5月6日　信息来源：某某县委组织部')).toEqual({ date: '2023-05-06', publisher: '某某县委组织部' });
		expect(parseFactLine('原文链接：https://www.example.gov.cn/a/1.html')).toEqual({ url: 'https://www.example.gov.cn/a/1.html' });
		expect(parseFactLine('（来源：某某市委组织部）')).toEqual({ publisher: '某某市委组织部' });
		expect(parseFactLine('来源：网络')).toEqual({});
		expect(parseFactLine(BODY)).toBeUndefined();
	});

	it('removes everything after the article once the footer starts, and keeps the title above it', () => {
		const result = removeDebris(
			blocks(
				'欢迎访问某某网',
				'某某镇：网格里的幸福',
				'发布时间：2024-03-02',
				BODY,
				BODY,
				'责任编辑：王某',
				'某某融媒体中心出品',
				'关于我们 | 联系我们',
			),
		);
		expect(result.kept.map((b) => b.line)).toEqual([2, 4, 5]);
		expect(result.facts).toMatchObject({ date: '2024-03-02', siteName: '某某网' });
		expect(result.removed.find((r) => r.line === 7)?.reason).toMatch(/site footer/);
	});

	it('takes the 主办单位 as the site owner', () => {
		expect(removeDebris(blocks(BODY, '主办单位：中共某某县委组织部 承办单位：某某县融媒体中心')).facts.siteOwner).toBe('中共某某县委组织部');
	});
});

describe('repeated page headers', () => {
	it('removes the title repeated between paragraphs but keeps the title line', () => {
		const result = removeRepeatedHeaders(blocks('某某县优秀案例选编', BODY, '某某县优秀案例选编', BODY, '某某县优秀案例选编', BODY));
		expect(result.kept.map((b) => b.line)).toEqual([1, 2, 4, 6]);
		expect(result.removed.map((r) => r.line)).toEqual([3, 5]);
	});

	it('removes a running header repeated three times even when it is not the title', () => {
		const result = removeRepeatedHeaders(blocks('标题', BODY, '内部资料 注意保存', BODY, '内部资料 注意保存', BODY, '内部资料 注意保存'));
		expect(result.kept.map((b) => b.text)).not.toContain('内部资料 注意保存');
	});

	it('keeps a unit line that heads several cases', () => {
		const unitLine = (text: string) => text === '县委组织部';
		const result = removeRepeatedHeaders(blocks('摘编', '县委组织部', BODY, '县委组织部', BODY, '县委组织部', BODY), unitLine);
		expect(result.removed).toEqual([]);
	});
});

describe('pinyin annotations', () => {
	it('removes tone-marked and tone-numbered syllables after characters', () => {
		expect(removePinyinAnnotations('鄉(xiāng)村振興個(gè)人')).toEqual({ text: '鄉村振興個人', count: 2 });
		expect(removePinyinAnnotations('调研（diào yán）工作')).toEqual({ text: '调研工作', count: 1 });
		expect(removePinyinAnnotations('绿(lü4)色')).toEqual({ text: '绿色', count: 1 });
	});

	it('keeps Latin in brackets that is not pinyin', () => {
		for (const text of ['采用PPP(公私合作)模式', '模式(PPP)推进', '咖啡(café)馆', '单位(kg)', '标准(A)类']) {
			expect(removePinyinAnnotations(text).count).toBe(0);
		}
	});
});

describe('garbled text', () => {
	it('finds question marks and U+FFFD standing for lost characters', () => {
		expect(findGarble('推動落地??己嗽u價相融合').map((f) => f.kind)).toEqual(['lost characters']);
		expect(findGarble('村民\ufffd\ufffd积极参与')).toHaveLength(1);
		expect(findGarble('?年以来全镇')).toHaveLength(1);
		expect(findGarble('党员干部?积极参与')).toHaveLength(1);
	});

	it('does not take a real question for garble', () => {
		expect(findGarble('群众为什么满意?因为问题解决了。')).toEqual([]);
		expect(findGarble('What? 2024')).toEqual([]);
	});

	it('finds mojibake and private-use characters', () => {
		expect(findGarble('鈥滄潙鎯呮姤鍛婁細鈥')[0]?.kind).toBe('mojibake');
		expect(findGarble('锟斤拷锟斤拷')[0]?.kind).toBe('mojibake');
		expect(findGarble('党建\ue000引领')[0]?.kind).toBe('private-use character');
		expect(findGarble('以優良黨風帶正風幕鶎庸ぷ鞣諊工作')[0]?.kind).toBe('mojibake');
		expect(findGarble('使用アプリ办理')).toHaveLength(1);
	});

	it('gives an excerpt around the spot', () => {
		expect(findGarble('广泛参与各类活动，以黨建引領推動各項工作落地??己嗽u價相融合。把信訪維穩')[0]?.excerpt).toBe(
			'…推動各項工作落地??己嗽u價相融合。…',
		);
	});

	it('strips stray tags and decodes entities in plain text', () => {
		const result = stripStrayMarkup('<p>党建&nbsp;引领</p><script>alert(1)</script>基层&lt;治理&gt;&#x4E2D;');
		expect(result.text).toBe('党建 引领基层<治理>中');
		expect(result.tags).toHaveLength(3);
		expect(result.entities).toBe(4);
	});
});

describe('Taiwan phrasing of automatic conversion', () => {
	it('reverts it in 繁體 text and lists each change', () => {
		const result = revertTaiwanPhrasing('透過網路平台釋出專案資訊，推動數位轉型', 'hant');
		expect(result.text).toBe('通過網絡平台發布項目資訊，推動數字轉型');
		expect(result.changes.map((c) => `${c.from}→${c.to}`)).toEqual(['透過→通過', '網路→網絡', '釋出→發布', '專案→項目', '數位→數字']);
	});

	it('reverts it in 简体 text too', () => {
		expect(revertTaiwanPhrasing('透过软体开展专案管理', 'hans').text).toBe('通过软件开展项目管理');
	});

	it('leaves mainland usage of the same words alone', () => {
		for (const text of ['成立專案組開展調查', '透過現象看本質', '釋出善意', '程式化的做法']) {
			expect(revertTaiwanPhrasing(text, 'hant').changes).toEqual([]);
		}
	});
});

describe('full-width punctuation', () => {
	it('restores , : ; ( ) ? ! between Chinese characters', () => {
		expect(restore('开展以来,全县共有;即:一是(试行)做法!好吗?')).toBe('开展以来，全县共有；即：一是（试行）做法！好吗？');
		expect(restore('典型经验做法摘编(一)')).toBe('典型经验做法摘编（一）');
		expect(restore('村(社区)')).toBe('村（社区）');
	});

	it('leaves numbers, times, URLs and Latin text alone', () => {
		expect(restore('共3,000人，时间10:30')).toBe('共3,000人，时间10:30');
		expect(restore('见https://example.gov.cn/a?b=1,2')).toBe('见https://example.gov.cn/a?b=1,2');
		expect(restore('Hello, world (test)!')).toBe('Hello, world (test)!');
		expect(restore('发邮件至a.b@example.com,咨询')).toBe('发邮件至a.b@example.com，咨询');
	});

	it('drops the space that followed a flattened mark', () => {
		expect(restore('本文源自 网络, 由 某网 整理')).toBe('本文源自 网络，由 某网 整理');
	});

	it('pairs straight quotes around Chinese', () => {
		expect(restore('开展"三长制"活动')).toBe('开展“三长制”活动');
		expect(restore('他说"ok"')).toBe('他说"ok"');
	});

	it('does not turn a lost character into a question mark', () => {
		expect(restore('落地??己相融合,很好')).toBe('落地??己相融合，很好');
		expect(restore('党员干部?积极参与')).toBe('党员干部?积极参与');
	});
});

describe('script detection', () => {
	it('tells 简体 from 繁體, and says when it cannot', () => {
		expect(detectScript(BODY)).toMatchObject({ script: 'hans', uncertain: false });
		expect(detectScript('今年以來，某某鎮堅持黨建引領，把黨小組建在網格上，群眾滿意度明顯提升。')).toMatchObject({
			script: 'hant',
			uncertain: false,
		});
		expect(detectScript('中心工作').uncertain).toBe(true);
		expect(detectScript('党建引领基层治理，黨建引領基層治理').uncertain).toBe(true);
	});
});

describe('plain text lines', () => {
	it('normalises blanks and joins line breaks between Chinese characters', () => {
		expect(normalizeSpaces('\u3000\u3000今年以来，\n  全镇\u00a0共有 ')).toBe('今年以来，全镇 共有');
		expect(normalizeSpaces('Hello\nworld')).toBe('Hello world');
	});

	it('joins lines hard-wrapped by a PDF viewer, but not short lines or sentences', () => {
		const wrapped = [
			'今年以来，某某镇坚持党建引领，把党小组建在网格上，全镇共收集',
			'群众诉求1560件，办结率达98.6%，群众满意度明显提升，基层治理',
			'效能不断增强，形成了可复制可推广的经验做法。',
			'',
			'一是划细网格。',
			'二是积分激励。',
		].join('\n');
		const result = joinHardWraps(blocksFromLines(wrapped));
		expect(result.map((b) => b.text)).toEqual([
			'今年以来，某某镇坚持党建引领，把党小组建在网格上，全镇共收集群众诉求1560件，办结率达98.6%，群众满意度明显提升，基层治理效能不断增强，形成了可复制可推广的经验做法。',
			'一是划细网格。',
			'二是积分激励。',
		]);
		expect(result[0]!.line).toBe(1);
	});
});
