import { describe, expect, it } from 'vitest';
import { findDivisionsByName, fullRegionName, isDivisionCode, regionChain, suggestDivisions } from '../../../src/lib/regions.ts';

describe('division data', () => {
	it('knows the sample regions with their hierarchy', () => {
		expect(fullRegionName('330822')).toBe('浙江省衢州市常山县');
		expect(regionChain('140802').map((d) => d.name)).toEqual(['山西省', '运城市', '盐湖区']);
		expect(findDivisionsByName('通道侗族自治县').map((d) => d.code)).toEqual(['431230']);
	});

	it('does not double municipalities', () => {
		expect(regionChain('110105').map((d) => d.name)).toEqual(['北京市', '朝阳区']);
		expect(fullRegionName('110105')).toBe('北京市朝阳区');
	});

	it("leaves out a municipality's county group, which is no city", () => {
		expect(regionChain('500241').map((d) => d.name)).toEqual(['重庆市', '秀山土家族苗族自治县']);
		expect(fullRegionName('500241')).toBe('重庆市秀山土家族苗族自治县');
		expect(regionChain('500101').map((d) => d.name)).toEqual(['重庆市', '万州区']);
	});

	it('rejects codes that are not GB/T 2260 divisions', () => {
		expect(isDivisionCode('999999')).toBe(false);
		expect(isDivisionCode('33082')).toBe(false);
		// Towns under cities without districts carry invented codes in the data package.
		expect(isDivisionCode('441901')).toBe(false);
		expect(isDivisionCode('441900')).toBe(true);
	});

	it('finds a name without its suffix and suggests near codes', () => {
		expect(findDivisionsByName('常山').map((d) => d.code)).toContain('330822');
		expect(suggestDivisions('330823').map((d) => d.code)).toContain('330822');
	});

	it('leaves province-administered pseudo-cities out of the chain', () => {
		const xiantao = findDivisionsByName('仙桃市')[0];
		expect(xiantao).toBeDefined();
		expect(regionChain(xiantao!.code).map((d) => d.name)).toEqual(['湖北省', '仙桃市']);
	});
});
