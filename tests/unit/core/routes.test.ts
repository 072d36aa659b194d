import { describe, expect, it } from 'vitest';
import { pagePath, pdfPath, switchScriptPath } from '../../../src/lib/routes.ts';
import { preferredScript, scriptOfPath } from '../../../src/lib/i18n/scripts.ts';

describe('routes', () => {
	it('keeps the script in every URL, under the base path', () => {
		expect(pagePath('/', 'hans', { kind: 'case', id: 'a-b' })).toBe('/zh-hans/cases/a-b/');
		expect(pagePath('/dxal/', 'hant', { kind: 'region', code: '330822' })).toBe('/dxal/zh-hant/regions/330822/');
		expect(pagePath('/dxal', 'hans', { kind: 'home' })).toBe('/dxal/zh-hans/');
		expect(pdfPath('/', 'x-1', 'hant')).toBe('/pdf/x-1.zh-hant.pdf');
	});

	it('switches a path to the same page in the other script', () => {
		expect(switchScriptPath('/zh-hans/cases/a/', '/', 'hant')).toBe('/zh-hant/cases/a/');
		expect(switchScriptPath('/dxal/zh-hant/issues/', '/dxal/', 'hans')).toBe('/dxal/zh-hans/issues/');
	});

	it('reads the script of a path', () => {
		expect(scriptOfPath('/zh-hant/metrics/')).toBe('hant');
		expect(scriptOfPath('/dxal/zh-hans/', '/dxal/')).toBe('hans');
		expect(scriptOfPath('/about/')).toBeUndefined();
	});
});

describe('preferredScript', () => {
	it.each([
		[['zh-TW', 'en'], 'hant'],
		[['zh-HK'], 'hant'],
		[['zh-Hant-TW'], 'hant'],
		[['en-US', 'zh-CN'], 'hans'],
		[['zh'], 'hans'],
		[['en-US'], 'hant'],
	] as const)('%j → %s', (languages, expected) => {
		expect(preferredScript(languages, 'hant')).toBe(expected);
	});
});
