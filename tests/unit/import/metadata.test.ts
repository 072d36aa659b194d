/** Region, unit, title, issue numbering and method guesses. */
import { describe, expect, it } from 'vitest';
import { findDivisionsByName } from '../../../src/lib/regions.ts';
import { baseName, divisionFromFlag, findPlaceMentions, resolveRegion } from '../../../src/lib/import/places.ts';
import { chineseNumber, guessRegion, guessTitle, issueNumbering, issueTopic, summarize } from '../../../src/lib/import/metadata.ts';
import { leadingOrganisation, splitTitle, townshipOf } from '../../../src/lib/import/units.ts';
import { suggestMethods } from '../../../src/lib/import/taxonomy.ts';
import { importText } from './support.ts';
import { TAXONOMY } from './support.ts';

const code = (name: string) => findDivisionsByName(name)[0]!.code;

describe('place names', () => {
	it('knows the everyday names of autonomous divisions', () => {
		expect(baseName('通道侗族自治县')).toBe('通道');
		expect(baseName('恩施土家族苗族自治州')).toBe('恩施');
		expect(findPlaceMentions('通道县大高坪苗族乡', 1, 'unit').map((m) => m.division.name)).toEqual(['通道侗族自治县']);
		expect(findPlaceMentions('恩施州来凤县', 1, 'unit').map((m) => m.division.name)).toEqual(['恩施土家族苗族自治州', '来凤县']);
	});

	it('matches two-character names only at a word boundary', () => {
		expect(findPlaceMentions('湖南县域经济', 1, 'text')).toEqual([]);
		expect(findPlaceMentions('山西省夏县', 1, 'text').map((m) => m.division.name)).toEqual(['山西省', '夏县']);
	});

	it('resolves a county over its city and province, and tells same-named counties apart by them', () => {
		const mentions = [...findPlaceMentions('朝阳区', 10, 'unit'), ...findPlaceMentions('长春市', 1, 'text')];
		const resolved = resolveRegion(mentions);
		expect(resolved.code).toBe('220104');
		expect(resolved.problems).toEqual([]);
	});

	it('says when a name is ambiguous, naming the candidates', () => {
		const resolved = resolveRegion(findPlaceMentions('朝阳区', 10, 'unit'));
		expect(resolved.code).toBe('110105');
		expect(resolved.certain).toBe(false);
		expect(resolved.problems[0]).toMatch(/^朝阳区 is ambiguous: 朝阳区 \(110105, 北京市朝阳区\) \/ 朝阳区 \(220104, 吉林省长春市朝阳区\)/);
	});

	it('falls back to the city, saying so, and reports when nothing is found', () => {
		const city = resolveRegion(findPlaceMentions('运城市', 3, 'title'));
		expect(city).toMatchObject({ code: '140800', certain: false });
		expect(city.problems[0]).toMatch(/only a city was found \(运城市\)/);
		expect(resolveRegion([]).code).toBeUndefined();
		expect(resolveRegion([]).problems).toEqual(['no place name found in the unit, title or text']);
	});

	it('guesses a region from the unit, title and text, with the township', () => {
		const region = guessRegion({ unit: '績溪縣上莊鎮黨委', text: '上莊鎮黨委把抓好黨建作為最大的政績' });
		expect(region).toMatchObject({ code: code('绩溪县'), township: '上莊鎮', certain: true });
	});

	it('resolves --region values', () => {
		expect(divisionFromFlag('330822')).toMatchObject({ name: '常山县' });
		expect(divisionFromFlag('湖南省衡阳市常宁市')).toMatchObject({ code: '430482' });
		expect(Array.isArray(divisionFromFlag('朝阳区'))).toBe(true);
		expect(divisionFromFlag('不存在的地方')).toBeUndefined();
	});

	it('writes a placeholder region, flagged, when the document names no place', async () => {
		const doc = await importText(
			'某某单位\n\n今年以来，我们坚持问题导向，创新工作机制，全年共办理群众诉求300件，群众满意率达到98%，得到了广泛好评。',
		);
		const c = doc.cases[0]!;
		expect((c.data.region as { code: string }).code).toBe('110000');
		expect(c.data.review).toContain('region');
		expect(c.warnings.some((w) => /wrote the placeholder 110000/.test(w.message))).toBe(true);
		const withFlag = await importText(
			'今年以来，我们坚持问题导向，创新工作机制，全年共办理群众诉求300件，群众满意率达到98%，得到了广泛好评。',
			'x.txt',
			{ fallbackRegion: '330822' },
		);
		expect((withFlag.cases[0]!.data.region as { code: string }).code).toBe('330822');
	});
});

describe('units and titles', () => {
	it('reads the organisation that opens a sentence', () => {
		expect(leadingOrganisation('近年来，某某县青山镇党委坚持党建引领')).toBe('某某县青山镇党委');
		expect(leadingOrganisation('群众和干部一起参与')).toBeUndefined();
		expect(leadingOrganisation('近年来，安吉县递铺街道党工委坚持党建引领')).toBe('安吉县递铺街道党工委');
		expect(leadingOrganisation('自主题教育开展以来，常山县委组织部聚焦')).toBe('常山县委组织部');
		expect(leadingOrganisation('全市“五面红旗”示范创建')).toBeUndefined();
		expect(townshipOf('安吉县递铺街道党工委')).toBe('递铺街道');
	});

	it('splits column, unit and headline in a title', () => {
		expect(splitTitle('基层治理｜安吉县：推行“网格+积分”治理')).toEqual({ column: '基层治理', unit: '安吉县', title: '推行“网格+积分”治理' });
		expect(splitTitle('比较：两种做法')).toEqual({ title: '比较：两种做法' });
	});

	it('guesses a title from a named initiative, the issue topic or the first clause', () => {
		expect(guessTitle('芮城县创新开展“五亮五比”行动，推动创建。', undefined, '芮城县')?.value).toBe('“五亮五比”行动');
		expect(guessTitle('聚焦头雁队伍选育。', '“五面红旗”示范创建专项行动', '盐湖区')?.value).toBe('“五面红旗”示范创建专项行动');
		expect(guessTitle('今年来，通道县大高坪苗族乡持续强化抓党建促基层治理，以三字为要诀。', undefined, undefined)?.value).toBe(
			'持续强化抓党建促基层治理',
		);
	});

	it('summarises with the first sentence, shortened at a clause', () => {
		expect(summarize(['短。', '今年以来，某镇坚持党建引领。后面的句子。'])).toBe('今年以来，某镇坚持党建引领。');
		const long = `今年以来，${'某镇坚持党建引领，'.repeat(20)}取得成效。`;
		const summary = summarize([long])!;
		expect([...summary].length).toBeLessThanOrEqual(152);
		expect(summary.endsWith('……')).toBe(true);
	});
});

describe('issue numbering', () => {
	it('reads （一）, (12) and 第N期', () => {
		expect(issueNumbering('运城市典型经验做法摘编(一)')).toEqual({ series: '运城市典型经验做法摘编', number: 1, numberLabel: '（一）', found: true });
		expect(issueNumbering('某县案例选登（十二）')).toMatchObject({ number: 12, numberLabel: '（十二）' });
		expect(issueNumbering('某县工作简报第23期')).toEqual({ series: '某县工作简报', number: 23, found: true });
		expect(issueNumbering('某县优秀案例选登')).toEqual({ series: '某县优秀案例选登', number: 1, found: false });
		expect(chineseNumber('二十三')).toBe(23);
		expect(issueTopic('运城市“五面红旗”示范创建专项行动，典型经验做法摘编')).toBe('“五面红旗”示范创建专项行动');
	});
});

describe('method suggestions', () => {
	it('ranks methods by keywords in the title and text', () => {
		const suggested = suggestMethods(TAXONOMY.methods, '推行网格化管理', '配备网格员，落实三长制，邻长上门走访。开展考核。');
		expect(suggested[0]).toMatchObject({ slug: 'grid-governance' });
		expect(suggested.map((s) => s.slug)).not.toContain('culture-tourism-integration');
		expect(suggestMethods(TAXONOMY.methods, '无关', '无关的文字')).toEqual([]);
	});
});
