/**
 * No import cycles in src/ and scripts/, type-only imports included: a cycle makes module
 * order matter and hides which module is the lower layer. Imports are read with TypeScript's
 * own pre-processor (the project's compiler, so no extra tool) from .ts files and the
 * frontmatter and scripts of .astro files.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../src/lib/content/paths.ts';

function sourceFiles(dir: string): string[] {
	return readdirSync(path.join(PROJECT_ROOT, dir), { recursive: true, encoding: 'utf8' })
		.filter((file) => /\.(ts|astro|mjs)$/.test(file) && !file.endsWith('.d.ts'))
		.map((file) => path.join(PROJECT_ROOT, dir, file));
}

/** The local files a file imports (relative specifiers only). */
function importsOf(file: string): string[] {
	const text = readFileSync(file, 'utf8');
	const code = file.endsWith('.astro')
		? [...text.matchAll(/^---\n([\s\S]*?)\n---|<script[^>]*>([\s\S]*?)<\/script>/gm)].map((m) => m[1] ?? m[2]).join('\n')
		: text;
	return ts
		.preProcessFile(code, true, true)
		.importedFiles.map((ref) => ref.fileName)
		.filter((name) => name.startsWith('.'))
		.map((name) => path.resolve(path.dirname(file), name))
		.filter((target) => existsSync(target));
}

/** Every cycle found by a depth-first walk, each as the list of files around it. */
function findCycles(graph: Map<string, string[]>): string[][] {
	const cycles: string[][] = [];
	const state = new Map<string, 'open' | 'done'>();
	const stack: string[] = [];
	const visit = (file: string) => {
		state.set(file, 'open');
		stack.push(file);
		for (const next of graph.get(file) ?? []) {
			if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next]);
			else if (!state.has(next)) visit(next);
		}
		stack.pop();
		state.set(file, 'done');
	};
	for (const file of graph.keys()) if (!state.has(file)) visit(file);
	return cycles;
}

describe('imports', () => {
	it('form no cycle in src/ and scripts/', () => {
		const files = [...sourceFiles('src'), ...sourceFiles('scripts'), path.join(PROJECT_ROOT, 'astro.config.mjs')];
		expect(files.length).toBeGreaterThan(100);
		const graph = new Map(files.map((file) => [path.relative(PROJECT_ROOT, file), importsOf(file).map((to) => path.relative(PROJECT_ROOT, to))]));
		expect([...graph.values()].flat().length).toBeGreaterThan(300);
		expect(findCycles(graph)).toEqual([]);
	});

	it('reads type-only imports and finds the cycle they make', () => {
		// post-build.ts imports only types: both must be read as edges.
		expect(importsOf(path.join(PROJECT_ROOT, 'src/lib/build/post-build.ts'))).toEqual([
			path.join(PROJECT_ROOT, 'src/lib/content/validate.ts'),
			path.join(PROJECT_ROOT, 'src/lib/build/incremental.ts'),
			path.join(PROJECT_ROOT, 'src/lib/print/printer.ts'),
		]);
		const graph = new Map([
			['sections.ts', ['search.ts']],
			['search.ts', ['measure.ts', 'sections.ts']],
			['measure.ts', []],
		]);
		expect(findCycles(graph)).toEqual([['sections.ts', 'search.ts', 'sections.ts']]);
	});
});
