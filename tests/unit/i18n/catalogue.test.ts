/**
 * The message catalogue's fixed texts (src/lib/i18n/messages/<area>.json): each is a pair of
 * non-empty Chinese and English texts with no template placeholder (JSON prints `${…}` as it
 * stands), and its area's table says it in the language of the moment.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as catalogue from '../../../src/lib/i18n/messages/index.ts';

const dir = path.resolve('src/lib/i18n/messages');
const areas = readdirSync(dir)
	.filter((file) => file.endsWith('.json'))
	.map((file) => ({ area: path.basename(file, '.json'), texts: JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Record<string, unknown> }));
const environment = process.env.COMPENDIUM_LANG;

afterEach(() => {
	catalogue.setMessageLanguage('zh');
	if (environment === undefined) delete process.env.COMPENDIUM_LANG;
	else process.env.COMPENDIUM_LANG = environment;
});

describe('fixed message texts', () => {
	it('exist for every area that has a table', () => {
		const tables = Object.keys(catalogue).filter((name) => name.endsWith('Messages') && name !== 'defineMessages');
		expect(areas.map(({ area }) => `${area}Messages`).sort()).toEqual(tables.sort());
	});

	for (const { area, texts } of areas) {
		it(`${area}.json: every entry is a Chinese and an English text, without placeholders`, () => {
			expect(Object.keys(texts).length).toBeGreaterThan(0);
			for (const [key, pair] of Object.entries(texts)) {
				expect(Object.keys(pair as object).sort(), key).toEqual(['en', 'zh']);
				for (const text of Object.values(pair as Record<string, unknown>)) {
					expect(typeof text === 'string' && text.trim() !== '', key).toBe(true);
					expect(text, key).not.toMatch(/\$\{/);
				}
			}
		});

		it(`${area}Messages says each of them in the chosen language`, () => {
			const table = (catalogue as unknown as Record<string, Record<string, () => string>>)[`${area}Messages`];
			for (const language of ['zh', 'en'] as const) {
				catalogue.setMessageLanguage(language);
				for (const [key, pair] of Object.entries(texts as Record<string, catalogue.Bilingual>)) {
					expect(table[key]!(), `${area}.${key}`).toBe(pair[language]);
				}
			}
		});
	}
});
