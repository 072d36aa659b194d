// @ts-check
/**
 * ESLint in the Astro way: JavaScript's and typescript-eslint's recommended rules for
 * .ts, eslint-plugin-astro's for .astro (frontmatter and the <script>s it bundles), and
 * the project's own rule that every source file opens with a comment saying what it is
 * for and every export has a doc comment (GUIDE.md, Code style).
 * Formatting is Prettier's job; `npm run lint` runs both.
 */
import { defineConfig } from 'eslint/config';
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import tseslint from 'typescript-eslint';

/** Exports whose name and meaning Astro fixes (routes, content config): their file's header says enough. */
const ASTRO_EXPORTS = new Set(['getStaticPaths', 'GET', 'POST', 'prerender', 'partial', 'collections']);

/** @type {import('eslint').Rule.RuleModule} */
const docComments = {
	meta: {
		type: 'suggestion',
		docs: { description: 'a header comment on every file, a /** doc comment */ on every export' },
		messages: {
			header: 'Start the file with a comment saying what it is for.',
			exportDoc: 'Give the export `{{name}}` a /** doc comment */ saying what it is for.',
		},
		schema: [],
	},
	create(context) {
		const source = context.sourceCode;
		const isDoc = (/** @type {{ type: string; value: string }} */ comment) => comment.type === 'Block' && comment.value.startsWith('*');
		return {
			Program(program) {
				// A <script> of an .astro file is linted as a block of its own: the file's frontmatter has the header.
				if (context.filename !== context.physicalFilename) return;
				const first = program.body[0];
				const comments = source.getAllComments();
				if (first && !comments.some((comment) => comment.range && first.range && comment.range[0] < first.range[0])) {
					context.report({ node: first, messageId: 'header' });
				}
			},
			ExportNamedDeclaration(node) {
				const declaration = node.declaration;
				if (!declaration) return;
				const names =
					declaration.type === 'VariableDeclaration'
						? declaration.declarations.map((d) => (d.id.type === 'Identifier' ? d.id.name : '…'))
						: ['id' in declaration && declaration.id && 'name' in declaration.id ? String(declaration.id.name) : '…'];
				if (names.every((name) => ASTRO_EXPORTS.has(name))) return;
				if (!source.getCommentsBefore(node).some(isDoc)) context.report({ node, messageId: 'exportDoc', data: { name: names.join(', ') } });
			},
			ExportDefaultDeclaration(node) {
				if (!source.getCommentsBefore(node).some(isDoc)) context.report({ node, messageId: 'exportDoc', data: { name: 'default' } });
			},
		};
	},
};

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
		files: ['src/**/*.ts', 'src/**/*.astro', 'scripts/**/*.ts'],
		plugins: { compendium: { rules: { 'doc-comments': docComments } } },
		rules: { 'compendium/doc-comments': 'error' },
	},
	{
		// Config files run on Node without TypeScript's no-undef exemption.
		files: ['**/*.js', '**/*.mjs'],
		languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
	},
);
