/**
 * A numbered issue (期) of a compendium series (content/issues/*.mdx). Its MDX body
 * is the editor's note (编者按); its cases are printed in the order listed.
 */
import { z } from 'astro/zod';
import { schemaMessages as m } from '../lib/i18n/messages/index.ts';
import { DateSchema } from './date.ts';
import { STATUSES } from './case.ts';
import { ScriptSchema } from './script.ts';
import { KEY_FIGURES_IN_PRINT } from './site.ts';

/** Validates an issue's frontmatter: series, number, date, compiling organisation, script and the case ids it prints. */
export const IssueSchema = z.strictObject({
	/** The series name printed in the masthead: 典型经验做法摘编. */
	series: z.string().min(1, { error: () => m.series() }),
	/** Issue number within the series (第N期). */
	number: z
		.number({ error: () => m.issueNumber() })
		.int()
		.positive(),
	/** How the number is printed when not 第N期, e.g. （一）. */
	numberLabel: z.string().min(1).optional(),
	/** Total issue count across years (总第N期), if the series keeps one. */
	totalNumber: z.number().int().positive().optional(),
	date: DateSchema,
	/** 编印单位: the compiling organisation printed at the masthead's lower left. */
	organization: z.string().min(1, { error: () => m.organization() }),
	/** 内部资料: print the 内部资料 注意保存 mark, and leave the issue (and cases only it carries) out of the public site. */
	internal: z.boolean().default(false),
	/** The script the editor's note is written in. */
	script: ScriptSchema,
	/** Case ids (file paths under content/cases without .mdx), in printed order. */
	cases: z.array(z.string().min(1)).min(1, { error: () => m.issueCases() }),
	/**
	 * draft while the issue is being put together (its cases may all be drafts; it is not
	 * published); published (the default) issues must list at least one published case.
	 */
	status: z.enum(STATUSES, { error: (issue) => m.status(issue.input) }).default('published'),
	/** Overrides the site's keyFiguresInPrint for this issue's PDF and Word file. */
	keyFiguresInPrint: z.enum(KEY_FIGURES_IN_PRINT).optional(),
	/** 报送/抄送 lines for the record block on the last printed page. */
	distribution: z.array(z.string().min(1)).optional(),
});
/** An issue's frontmatter after validation and defaults. */
export type Issue = z.infer<typeof IssueSchema>;
