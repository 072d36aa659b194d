/**
 * Compiles every case and issue body exactly as the build does (the same MDX compiler and
 * the same remark/rehype plugins, src/lib/markdown/plugins.ts) and turns each failure into
 * a located problem an editor can act on: file:line:column, what was found, how to write
 * it instead. Nothing here may crash: an unexpected error becomes a problem too.
 */
import { readFileSync } from 'node:fs';
import type { MdxRenderer } from '@astrojs/internal-helpers/markdown';
import { checkMessages } from '../i18n/messages/index.ts';
import { UnsafeMdxError } from '../markdown/mdx-safety.ts';
import { markdownProcessor, type PipelineSettings } from '../markdown/plugins.ts';
import { blankFrontmatter, parseYaml, splitFrontmatter } from './frontmatter.ts';
import type { Problem } from './problem.ts';

let renderer: { settings: string; renderer: Promise<MdxRenderer> } | undefined;

function mdxRenderer(settings: PipelineSettings): Promise<MdxRenderer> {
	const key = JSON.stringify(settings);
	if (renderer?.settings !== key) {
		const processor = markdownProcessor(settings);
		// Syntax highlighting only colours code blocks; it cannot fail on content, so the check skips loading it.
		renderer = { settings: key, renderer: processor.createMdxRenderer!({ syntaxHighlight: false }, { optimize: false }) };
	}
	return renderer.renderer;
}

interface CompileFailure {
	line?: number;
	column?: number;
	reason?: string;
	message?: string;
	source?: string;
	ruleId?: string;
}

/** The Chinese (or English) explanation of an MDX compiler error, with the compiler's own words kept. */
function explain(error: CompileFailure): string {
	const detail = error.reason ?? error.message ?? String(error);
	const source = error.source ?? '';
	if (source.includes('mdx-jsx')) return checkMessages.parseLessThan(detail);
	if (source.includes('mdx-expression')) return checkMessages.parseBrace(detail);
	if (source.includes('mdxjs-esm')) return checkMessages.parseEsm(detail);
	return checkMessages.parseOther(detail);
}

/** Problems of one file's body (empty when it compiles). */
export async function bodyProblems(absoluteFile: string, file: string, settings: PipelineSettings = {}): Promise<Problem[]> {
	try {
		const text = readFileSync(absoluteFile, 'utf8');
		const split = splitFrontmatter(text);
		const frontmatter = (split.hasFrontmatter ? parseYaml(split.yaml).data : undefined) ?? {};
		await (await mdxRenderer(settings)).process(blankFrontmatter(text), absoluteFile, frontmatter as Record<string, unknown>);
		return [];
	} catch (thrown) {
		if (thrown instanceof UnsafeMdxError) {
			return thrown.findings.map((f) => ({
				severity: 'error',
				file,
				line: f.line,
				column: f.column,
				message: `${checkMessages.unsafeFound(f.found)} ${f.advice}`,
			}));
		}
		const error = (thrown ?? {}) as CompileFailure;
		const where = typeof error.line === 'number' ? { line: error.line, ...(typeof error.column === 'number' ? { column: error.column } : {}) } : {};
		// rehype-script-variants names the file itself; the problem already says which file.
		const message = explain(error).replaceAll(`${absoluteFile}:`, '').replaceAll(absoluteFile, file);
		return [{ severity: 'error', file, ...where, message }];
	}
}
