/**
 * Units and regions the importer reads from kinds of text it had missed: masked names, zones named
 * after a division, villages named without their county, a unit in the subtitle, a county written
 * after its province without suffixes, a province named by its abbreviation.
 */
import { describe, expect, it } from 'vitest';
import { findAbbreviatedProvinces, findPlaceMentions } from '../../../src/lib/import/places.ts';
import { guessRegion, guessUnit } from '../../../src/lib/import/metadata.ts';
import { isUnitLine, leadingOrganisation, leadingVillage, townshipOf, villageOf } from '../../../src/lib/import/units.ts';
import { findDivisionsByName } from '../../../src/lib/regions.ts';

const code = (name: string) => findDivisionsByName(name)[0]!.code;

describe('masked places', () => {
	it('reads XX县, **街道 and 某某镇 as the subject that opens a sentence', () => {
		expect(leadingOrganisation('2021年以来，XX县委组织部坚持问题导向')).toBe('XX县委组织部');
		expect(leadingOrganisation('**街道立足实际，建立工作专班')).toBe('**街道');
		expect(leadingOrganisation('××市××区探索推行')).toBe('××市××区');
		expect(leadingOrganisation('XX推动了工作')).toBeUndefined();
	});

	it('takes a masked unit line for a unit line', () => {
		expect(isUnitLine('XX县委组织部')).toBe(true);
		expect(isUnitLine('XX县委组织部认真落实了各项要求')).toBe(false);
	});

	it('guesses the masked unit from a clause of the opening paragraphs', () => {
		const paragraphs = ['乡村振兴是一项长期任务，必须久久为功。某某镇立足资源禀赋，发展特色种植，带动群众增收。'];
		expect(guessUnit(undefined, undefined, paragraphs[0], paragraphs)?.value).toBe('某某镇');
	});
});

describe('zones named after a division', () => {
	it('reads 经开区, 高新区 and 开发区 after a city or county name', () => {
		expect(leadingOrganisation('今年以来，株洲高新区聚焦企业需求')).toBe('株洲高新区');
		expect(leadingOrganisation('岳阳经济技术开发区推行“一窗受理”')).toBe('岳阳经济技术开发区');
		expect(leadingOrganisation('示范区建设取得新进展')).toBeUndefined();
	});

	it('resolves the zone to the division it is named after', () => {
		const region = guessRegion({ unit: '株洲高新区', text: '株洲高新区推行企业开办一窗通办。' });
		expect(region.code?.slice(0, 4)).toBe('4302');
	});
});

describe('villages named without county or township', () => {
	it('reads a village that opens a sentence, but not a verb run into 村', () => {
		expect(leadingVillage('近年来，杨柳村先后获评市级文明村')).toBe('杨柳村');
		expect(leadingVillage('拓宽村级道路三公里')).toBe('拓宽村');
		expect(leadingVillage('该村距离县城不远')).toBeUndefined();
		expect(leadingVillage('乡村振兴离不开人才')).toBeUndefined();
		expect(leadingVillage('推进村务公开')).toBeUndefined();
	});

	it('takes the village for the unit only when the text names it as a subject more than once', () => {
		const paragraphs = ['该村地处山区，交通不便。近年来，杨柳村党支部带领群众种植茶叶。杨柳村先后获评市级文明村。'];
		expect(guessUnit(undefined, undefined, paragraphs[0], paragraphs)?.value).toBe('杨柳村');
		const once = ['该村地处山区，交通不便。拓宽村级道路三公里，方便群众出行。'];
		expect(guessUnit(undefined, undefined, once[0], once)).toBeUndefined();
	});

	it('reads the village of a unit named right after its county', () => {
		expect(villageOf('平遥县石县村党支部')).toBe('石县村');
		expect(villageOf('某县青山镇宋家村')).toBe('宋家村');
		expect(villageOf('某县农村')).toBeUndefined();
	});

	it('keeps a village whose name ends like a county (石县村) whole', () => {
		expect(leadingOrganisation('平遥县石县村党支部开展积分兑换')).toBe('平遥县石县村党支部');
	});
});

describe('verbs are not township names', () => {
	it('stops a place chain at 通过, and finds no township in it', () => {
		expect(leadingOrganisation('湖南省岳阳市通过抓乡镇干部培训，提升治理能力')).toBe('湖南省岳阳市');
		expect(townshipOf('岳阳市通过抓乡')).toBeUndefined();
	});
});

describe('unit in the subtitle', () => {
	it('takes the subject of a ——subtitle before the body’s subject', () => {
		const paragraphs = ['2025年3月1日，平遥县石县村广场上热闹非凡，村民们排队兑换积分。'];
		const guess = guessUnit(undefined, undefined, paragraphs[0], paragraphs, '——平遥县石县村开展积分兑换活动');
		expect(guess).toMatchObject({ value: '平遥县石县村', certain: false });
		expect(guessUnit(undefined, undefined, paragraphs[0], paragraphs, '——记一次积分兑换活动')?.value).not.toBe('记一次积分兑换活动');
	});
});

describe('county written after its province without suffixes', () => {
	it('reads 安徽歙县 as 歙县 in 安徽, but not 南县 inside 湖南县域', () => {
		expect(findPlaceMentions('安徽歙县某镇', 1, 'text').map((m) => m.division.code)).toEqual([code('歙县')]);
		expect(findPlaceMentions('湖南县域经济', 1, 'text')).toEqual([]);
	});
});

describe('province named by its abbreviation', () => {
	it('reads 鲁南, 苏北 and 皖南 as provinces', () => {
		const names = (text: string) => findAbbreviatedProvinces(text, 1, 'text').map((m) => m.division.name);
		expect(names('打造鲁南经济圈乡村振兴先行区')).toEqual(['山东省']);
		expect(names('苏北地区和皖南山区')).toEqual(['江苏省', '安徽省']);
		expect(names('桂东县位于湘东南')).toEqual(['湖南省']);
		expect(names('鲁迅的故乡')).toEqual([]);
	});

	it('resolves a masked county to the province its abbreviation names, flagged', () => {
		const region = guessRegion({ unit: 'XX县', text: 'XX县地处鲁南，是农业大县。' });
		expect(region.code).toBe('370000');
		expect(region.certain).toBe(false);
	});
});
