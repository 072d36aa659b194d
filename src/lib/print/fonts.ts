/**
 * The fonts of the printed issue: which face plays 仿宋, 楷体, 黑体 and 小标宋 in each
 * script, where each comes from, and the @font-face rules the print page carries.
 *
 * Every face here has TrueType outlines. Chromium's PDF backend embeds CFF/OpenType-PS
 * fonts (Noto CJK from fonts-noto-cjk, the Fandol .otf files) as Type 3 glyph procedures,
 * which print shops reject; TrueType outlines come out as real CID TrueType subsets.
 * Each stack ends in two broad TrueType faces (UKai, WenQuanYi Micro Hei) so a rare
 * character never falls through to a CFF system font.
 */
import type { Script } from '../../schemas/script.ts';
import { withBase } from '../routes.ts';

/** URL segment (under the site base) the printer answers with font files; nothing is published there. */
export const PRINT_ASSET_SEGMENT = '__print';

/** A face installed from a Debian package, found by Chromium through fontconfig. */
export interface SystemFace {
	family: string;
	/** Full names and PostScript names, tried in order by local(). */
	localNames: string[];
	debianPackage: string;
	/** What the face is, for error messages. */
	label: string;
	/** CSS size-adjust, for a face whose ideographs are narrower than the em (off the 28-character grid). */
	sizeAdjust?: string;
	/** Characters taken from the bundled 仿宋 instead, where this face's forms do not suit the grid. */
	borrow?: { unicodeRange: string; why: string };
}

/** A face shipped with the project (src/assets/fonts/print/) and served to the printer. */
export interface BundledFace {
	family: string;
	/** File name under src/assets/fonts/print/. */
	file: string;
	label: string;
}

/** The faces the project ships; the first is the simplified 仿宋 that other faces borrow from. */
export const BUNDLED_FACES: readonly BundledFace[] = [
	// FandolFang is the only free simplified 仿宋 in Debian (texlive-lang-chinese); converted
	// from CFF to TrueType with FontForge (see src/assets/fonts/print/README.md).
	{ family: 'Print Fang SC', file: 'FandolFang-Regular.woff2', label: 'FandolFang (仿宋, src/assets/fonts/print/)' },
];

/** The faces taken from Debian packages: traditional 仿宋, both 楷体, and 黑体. */
export const SYSTEM_FACES: readonly SystemFace[] = [
	// cwTeX 仿宋 has traditional forms and covers the 繁體 text FandolFang lacks (並、內、為…).
	// Its ideographs advance 0.92 em, so it is scaled to a full em; its “ ” are 1/3 em wide
	// (Latin style), so quotes come from FandolFang, full-width as Chinese text sets them.
	{
		family: 'Print Fang TC',
		localNames: ['cwTeXFangSong', 'cwTeX 仿宋體'],
		debianPackage: 'fonts-cwtex-fs',
		label: 'cwTeX 仿宋',
		sizeAdjust: '108.7%',
		borrow: { unicodeRange: 'U+2018-2019, U+201C-201D', why: 'full-width quotation marks' },
	},
	{ family: 'Print Kai SC', localNames: ['AR PL UKai CN', 'UKaiCN'], debianPackage: 'fonts-arphic-ukai', label: 'AR PL UKai CN (楷体)' },
	{ family: 'Print Kai TC', localNames: ['AR PL UKai TW', 'UKaiTW'], debianPackage: 'fonts-arphic-ukai', label: 'AR PL UKai TW (楷體)' },
	{
		family: 'Print Hei',
		localNames: ['WenQuanYi Micro Hei', 'WenQuanYiMicroHei'],
		debianPackage: 'fonts-wqy-microhei',
		label: 'WenQuanYi Micro Hei (黑体)',
	},
];

/** Noto Serif SC from @fontsource (OFL, TrueType-flavoured WOFF2 split by unicode-range) plays 小标宋/宋体. */
export const SONG_FAMILY = 'Print Song';
/** The weights of the 宋 face the printer loads: regular, bold and black. */
export const SONG_WEIGHTS = [400, 700, 900] as const;
/** The @fontsource package of the 宋 face, naming the folder its files are served from. */
export const FONTSOURCE_PACKAGE = 'noto-serif-sc';

/** The font stacks the print stylesheet uses, by role, in the script of the page. */
export function fontStacks(script: Script): Record<'fang' | 'kai' | 'hei' | 'song', string[]> {
	const [own, other] = script === 'hans' ? ['SC', 'TC'] : ['TC', 'SC'];
	const tail = [`Print Kai ${own}`, 'Print Hei'];
	return {
		fang: [`Print Fang ${own}`, `Print Fang ${other}`, ...tail],
		kai: [`Print Kai ${own}`, `Print Fang ${own}`, 'Print Hei'],
		hei: ['Print Hei', `Print Kai ${own}`],
		song: [SONG_FAMILY, ...tail],
	};
}

/** The Debian packages the print fonts need, for install hints. */
export function requiredDebianPackages(): string[] {
	return [...new Set(SYSTEM_FACES.map((face) => face.debianPackage))];
}

const quote = (name: string) => `"${name.replace(/["\\]/g, '\\$&')}"`;

/**
 * The same ascent and descent for every face, so a line that mixes faces (a fallback
 * glyph, a 黑体 lead-in) is exactly as tall as one that does not: the 22-line grid then
 * holds on every page, and pagination never depends on which face drew which glyph.
 */
export const METRIC_OVERRIDES = 'ascent-override: 88%; descent-override: 12%; line-gap-override: 0%;';

/**
 * Rewrites a @fontsource weight stylesheet (e.g. noto-serif-sc/700.css) for the printer:
 * its family becomes `family`, its files are fetched from `prefix`, and only the WOFF2
 * source is kept.
 */
export function rewriteFontsourceCss(css: string, family: string, prefix: string): string {
	return css
		.replace(/font-family:\s*'[^']*'/g, `font-family: ${quote(family)}`)
		.replace(/font-display:\s*\w+;/g, `font-display: block; ${METRIC_OVERRIDES}`)
		.replace(
			/src:\s*url\(\.\/files\/([\w.-]+\.woff2)\)\s*format\('woff2'\)(?:,\s*url\([^)]*\)\s*format\('woff'\))?/g,
			(_, file: string) => `src: url(${prefix}${file}) format("woff2")`,
		)
		.replace(/\/\*[^*]*\*\//g, '')
		.replace(/\n{2,}/g, '\n');
}

/** URL prefix of the print assets under the site base, e.g. /dxal/__print/. */
export function printAssetPrefix(base: string): string {
	return withBase(base, `${PRINT_ASSET_SEGMENT}/`);
}

/**
 * All @font-face rules and the role variables (--fang, --kai, --hei, --song) for a print
 * page in `script`. `fontsourceCss` are the @fontsource weight stylesheets of SONG_WEIGHTS.
 */
export function printFontCss(script: Script, base: string, fontsourceCss: readonly string[]): string {
	const prefix = printAssetPrefix(base);
	const rules: string[] = [];
	for (const face of BUNDLED_FACES) {
		rules.push(
			`@font-face { font-family: ${quote(face.family)}; font-display: block; ${METRIC_OVERRIDES} src: url(${prefix}fonts/${face.file}) format("woff2"); }`,
		);
	}
	const bundledFang = BUNDLED_FACES[0]!;
	for (const face of SYSTEM_FACES) {
		const adjust = face.sizeAdjust ? ` size-adjust: ${face.sizeAdjust};` : '';
		rules.push(
			`@font-face { font-family: ${quote(face.family)}; font-display: block; ${METRIC_OVERRIDES}${adjust} src: ${face.localNames.map((n) => `local(${quote(n)})`).join(', ')}; }`,
		);
		// Declared after the whole face so it wins for its range (later faces are tried first).
		if (face.borrow) {
			rules.push(
				`@font-face { font-family: ${quote(face.family)}; font-display: block; ${METRIC_OVERRIDES} src: url(${prefix}fonts/${bundledFang.file}) format("woff2"); unicode-range: ${face.borrow.unicodeRange}; }`,
			);
		}
	}
	for (const css of fontsourceCss) {
		rules.push(rewriteFontsourceCss(css, SONG_FAMILY, `${prefix}fontsource/${FONTSOURCE_PACKAGE}/`));
	}
	const stacks = fontStacks(script);
	const vars = Object.entries(stacks)
		.map(([role, families]) => `--${role}: ${families.map(quote).join(', ')};`)
		.join(' ');
	rules.push(`:root { ${vars} }`);
	return rules.join('\n');
}

/**
 * The file on disk behind a print asset URL path (relative to the asset prefix), or
 * undefined when the path names nothing the printer serves. Only plain file names are
 * accepted, so a request can never climb out of the font directories.
 */
export function printAssetFile(relative: string, dirs: { bundledFonts: string; fontsource: string }): string | undefined {
	const match = /^(fonts|fontsource\/[\w-]+)\/([\w.-]+\.(?:woff2|ttf))$/.exec(relative);
	if (!match || match[2]!.startsWith('.')) return undefined;
	const [, area, file] = match;
	if (area === 'fonts') return `${dirs.bundledFonts}/${file}`;
	if (area === `fontsource/${FONTSOURCE_PACKAGE}`) return `${dirs.fontsource}/${file}`;
	return undefined;
}
