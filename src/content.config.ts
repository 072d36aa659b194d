/**
 * The compendium's collections. Shapes come from src/schemas/ (the single source of
 * truth, shared with `npm run check` and the importer); content lives in content/.
 */
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { parse } from 'yaml';
import { CaseSchema } from './schemas/case.ts';
import { IssueSchema } from './schemas/issue.ts';
import { MethodSchema } from './schemas/method.ts';
import { contentPaths } from './lib/content/paths.ts';

export const collections = {
	cases: defineCollection({
		loader: glob({ base: contentPaths.cases(), pattern: '**/*.mdx' }),
		schema: CaseSchema,
	}),
	issues: defineCollection({
		loader: glob({ base: contentPaths.issues(), pattern: '**/*.mdx' }),
		schema: IssueSchema,
	}),
	methods: defineCollection({
		loader: file(contentPaths.methods(), {
			parser: (text) => (parse(text) as Array<{ slug: string }>).map((m) => ({ id: m.slug, ...m })),
		}),
		schema: MethodSchema.extend({ id: z.string() }),
	}),
};
