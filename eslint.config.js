// @ts-check
/**
 * ESLint in the Astro way: JavaScript's and typescript-eslint's recommended rules for
 * .ts, eslint-plugin-astro's for .astro (frontmatter and the <script>s it bundles).
 * Formatting is Prettier's job; `npm run lint` runs both.
 */
import { defineConfig } from 'eslint/config';
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import tseslint from 'typescript-eslint';

export default defineConfig(
	{ ignores: ['dist/', '.tmp/', '.astro/', '.bench/', 'node_modules/', 'tests/fixtures/'] },
	js.configs.recommended,
	tseslint.configs.recommended,
	astro.configs.recommended,
	{
		rules: {
			// U+3000 (ideographic space) is ordinary punctuation in Chinese text: 内部资料　注意保存.
			'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipJSXText: true, skipComments: true, skipRegExps: true }],
			// `_`-prefixed names mark what a signature requires but the body ignores.
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
		},
	},
	{
		// Config files run on Node without TypeScript's no-undef exemption.
		files: ['**/*.js', '**/*.mjs'],
		languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
	},
);
