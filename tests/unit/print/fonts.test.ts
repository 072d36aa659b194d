import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	BUNDLED_FACES,
	SONG_FAMILY,
	SYSTEM_FACES,
	fontStacks,
	printAssetFile,
	printFontCss,
	requiredDebianPackages,
	rewriteFontsourceCss,
} from '../../../src/lib/print/fonts.ts';

const require = createRequire(import.meta.url);
const fontsource = (weight: number) => readFileSync(require.resolve(`@fontsource/noto-serif-sc/${weight}.css`), 'utf8');

describe('fontStacks', () => {
	it('puts the script’s own 仿宋 first and ends every stack in broad TrueType faces', () => {
		expect(fontStacks('hans').fang[0]).toBe('Print Fang SC');
		expect(fontStacks('hant').fang[0]).toBe('Print Fang TC');
		for (const script of ['hans', 'hant'] as const) {
			for (const stack of Object.values(fontStacks(script))) expect(stack.at(-1)).toMatch(/Print (Hei|Kai)/);
		}
	});

	it('names only families the print CSS declares', () => {
		const declared = new Set([...BUNDLED_FACES, ...SYSTEM_FACES].map((f) => f.family).concat(SONG_FAMILY));
		for (const stack of Object.values(fontStacks('hant'))) for (const family of stack) expect(declared).toContain(family);
	});
});

describe('rewriteFontsourceCss', () => {
	const css = rewriteFontsourceCss(fontsource(700), SONG_FAMILY, '/base/__print/fontsource/noto-serif-sc/');

	it('renames the family and points every face at the printer', () => {
		expect(css).not.toContain('Noto Serif SC');
		expect(css).not.toContain('./files/');
		const faces = css.match(/@font-face/g)!.length;
		expect(faces).toBeGreaterThan(50);
		expect(
			css.match(/src: url\(\/base\/__print\/fontsource\/noto-serif-sc\/noto-serif-sc-[\w-]+-700-normal\.woff2\) format\("woff2"\)/g),
		).toHaveLength(faces);
	});

	it('keeps each face’s unicode-range, so only the chunks a page uses are fetched', () => {
		expect(css.match(/unicode-range:/g)!.length).toBe(css.match(/@font-face/g)!.length);
	});

	it('drops the WOFF fallback and blocks fallback painting', () => {
		expect(css).not.toMatch(/format\('woff'\)/);
		expect(css).not.toContain('swap');
		expect(css).toContain('font-display: block');
	});
});

describe('printFontCss', () => {
	const css = printFontCss('hant', '/dxal/', [fontsource(400)]);

	it('declares every face, system faces by local name, under the site base', () => {
		for (const face of SYSTEM_FACES) expect(css).toContain(`local("${face.localNames[0]}")`);
		expect(css).toContain('url(/dxal/__print/fonts/FandolFang-Regular.woff2)');
		expect(css).toContain(`font-family: "${SONG_FAMILY}"`);
	});

	it('gives every face the same vertical metrics, so mixed lines keep the grid', () => {
		expect(css.match(/@font-face/g)!.length).toBe(css.match(/ascent-override: 88%; descent-override: 12%/g)!.length);
	});

	it('borrows full-width quotes for the traditional 仿宋 and sets the role variables', () => {
		expect(css).toMatch(/font-family: "Print Fang TC";[^}]*FandolFang-Regular\.woff2[^}]*unicode-range: U\+2018-2019, U\+201C-201D/);
		expect(css).toContain('--fang: "Print Fang TC", "Print Fang SC"');
	});
});

describe('printAssetFile', () => {
	const dirs = { bundledFonts: '/p/fonts/print', fontsource: '/n/files' };

	it('maps the two asset areas to their directories', () => {
		expect(printAssetFile('fonts/FandolFang-Regular.woff2', dirs)).toBe('/p/fonts/print/FandolFang-Regular.woff2');
		expect(printAssetFile('fontsource/noto-serif-sc/noto-serif-sc-5-400-normal.woff2', dirs)).toBe('/n/files/noto-serif-sc-5-400-normal.woff2');
	});

	it.each(['fonts/../../etc/passwd', 'fonts/..woff2', 'fonts/x.html', 'fontsource/other/x.woff2', 'other/x.woff2', 'fonts/a/b.woff2'])(
		'refuses %s',
		(relative) => {
			expect(printAssetFile(relative, dirs)).toBeUndefined();
		},
	);

	it('finds the bundled font and the fontsource files on disk', () => {
		const root = path.resolve(import.meta.dirname, '../../..');
		for (const face of BUNDLED_FACES) expect(readFileSync(path.join(root, 'src/assets/fonts/print', face.file)).length).toBeGreaterThan(1_000_000);
	});
});

describe('requiredDebianPackages', () => {
	it('lists each package once', () => {
		expect(requiredDebianPackages()).toEqual(['fonts-cwtex-fs', 'fonts-arphic-ukai', 'fonts-wqy-microhei']);
	});
});
