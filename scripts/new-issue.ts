/**
 * `npm run new-issue`: a new numbered issue (期) of a series. Asks for what the options do
 * not give: the series (from those in use, or a new one), its number (the next one is
 * suggested), date, 编印单位, the cases (searchable, printed in the order ticked) and the
 * 编者按 (typed at a prompt, or in $VISUAL/$EDITOR if the editor
 * chooses). With options it asks nothing:
 *   npm run new-issue -- --series 典型经验做法摘编 --cases a,b --note-file note.txt
 * Writes content/issues/<id>.mdx atomically and never overwrites.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as p from '@clack/prompts';
import { parseCommand, runCommand, UserError } from '../src/lib/cli/command.ts';
import {
	answer,
	askDate,
	askFileName,
	askScript,
	canAsk,
	createMdx,
	fail,
	finish,
	freeFileName,
	required,
	shownPath,
} from '../src/lib/editor/ask.ts';
import { contentPaths } from '../src/lib/content/paths.ts';
import { loadSiteConfig } from '../src/lib/content/site-config.ts';
import {
	caseMatches,
	existingIssue,
	issueDocument,
	ISSUES_HAVE_STATUS,
	nextIssueNumber,
	noteFromEditorText,
	resolveCases,
	sameSeries,
	seriesList,
	suggestIssueId,
	type IssueAnswers,
} from '../src/lib/editor/issue.ts';
import { readCases, readIssues } from '../src/lib/editor/library.ts';
import { splitList } from '../src/lib/editor/methods.ts';
import { previewUrl } from '../src/lib/editor/preview.ts';
import { chooseItems, searchSelect } from '../src/lib/editor/search-prompt.ts';
import { newMessages as m } from '../src/lib/i18n/messages/index.ts';
import { isoDate, parseDate } from '../src/lib/import/dates.ts';
import { SLUG_PATTERN } from '../src/schemas/method.ts';
import { SCRIPTS, type Script } from '../src/schemas/script.ts';

const spec = {
	command: 'npm run new-issue',
	summary: {
		zh: '新建一期（content/issues/<文件名>.mdx）。选项没给的内容会逐项询问；全部用选项给出时不提问，可在脚本中使用。',
		en: 'Creates a new issue (content/issues/<id>.mdx). Whatever the options leave out is asked for; with the options given it asks nothing, for scripts.',
	},
	options: {
		series: { type: 'string', value: 'TEXT', help: { zh: '系列（刊名），如 典型经验做法摘编', en: 'series name, e.g. 典型经验做法摘编' } },
		number: { type: 'string', value: 'N', help: { zh: '期号（默认为该系列的下一期）', en: 'issue number (default: the next of the series)' } },
		'number-label': {
			type: 'string',
			value: 'TEXT',
			help: { zh: '期号不印作“第N期”时的写法，如 （二）', en: 'how the number is printed if not 第N期, e.g. （二）' },
		},
		'total-number': { type: 'string', value: 'N', help: { zh: '总第N期（若该系列有）', en: 'running total number (总第N期), if kept' } },
		date: { type: 'string', value: 'YYYY-MM-DD', help: { zh: '印发日期（默认今天）', en: 'date of issue (default: today)' } },
		organization: {
			type: 'string',
			value: 'TEXT',
			help: { zh: '编印单位（默认沿用该系列上一期）', en: 'compiling organisation (default: as in the series’ last issue)' },
		},
		internal: { type: 'boolean', help: { zh: '印“内部资料 注意保存”', en: 'print the 内部资料 注意保存 mark' } },
		cases: {
			type: 'string',
			value: 'A,B',
			help: { zh: '案例文件名（不带 .mdx），按排印顺序，逗号分隔', en: 'case ids (file names without .mdx) in printed order, comma-separated' },
		},
		note: { type: 'string', value: 'TEXT', help: { zh: '编者按（纯文字）', en: "editor's note (plain text)" } },
		'note-file': { type: 'string', value: 'FILE', help: { zh: '从文本文件读取编者按', en: "read the editor's note from a text file" } },
		script: {
			type: 'string',
			value: 'hans|hant',
			help: { zh: '编者按用字（默认沿用该系列，新系列为 hans）', en: "script of the note (default: the series', hans for a new one)" },
		},
		slug: {
			type: 'string',
			value: 'SLUG',
			help: { zh: '文件名（默认沿用该系列的命名，如 yuncheng-wumian-hongqi-2）', en: 'file name (default: the series’ naming continued)' },
		},
		out: { type: 'string', value: 'DIR', help: { zh: '期刊目录（默认 content/issues）', en: 'issues directory (default: content/issues)' } },
	},
	epilogue: {
		zh: '示例：\n  npm run new-issue -- --series 运城市“五面红旗”示范创建专项行动典型经验做法摘编 --cases yuncheng-yanhu,yuncheng-xiaxian --note-file 编者按.txt\n\n没有给 --note / --note-file 且在终端中运行时，编者按可以直接输入，也可以选择用 EDITOR 指定的编辑器写。\n已有的期和文件不会被覆盖。',
		en: 'Example:\n  npm run new-issue -- --series 运城市“五面红旗”示范创建专项行动典型经验做法摘编 --cases yuncheng-yanhu,yuncheng-xiaxian --note-file note.txt\n\nIn a terminal without --note / --note-file, the note is typed at a prompt or, if you choose, written in $VISUAL/$EDITOR.\nExisting issues and files are never overwritten.',
	},
} as const;

const NEW_SERIES = '\u0000new';

await runCommand(async () => {
	const { values } = parseCommand(spec);
	const issuesDir = path.resolve(values.out ?? contentPaths.issues());
	const casesDir = contentPaths.cases();
	const fileOf = (id: string) => path.join(issuesDir, `${id}.mdx`);
	const interactive = canAsk();
	const issues = readIssues(issuesDir);
	const cases = readCases(casesDir);
	const series = seriesList(issues);

	// Options first, so a mistake is reported before any question.
	if (values.script && !(SCRIPTS as readonly string[]).includes(values.script)) throw new UserError(m.badScript(values.script));
	const flagNumber = values.number === undefined ? undefined : positive(values.number, m.badNumber(values.number));
	const totalNumber = values['total-number'] === undefined ? undefined : positive(values['total-number'], m.badTotalNumber(values['total-number']));
	const flagDate = values.date === undefined ? undefined : (parseDate(values.date) ?? fail(m.badDate('--date', values.date)));
	const flagCases = values.cases === undefined ? undefined : caseIds(values.cases);
	if (values.note !== undefined && values['note-file'] !== undefined) throw new UserError(m.noteBoth());
	const flagNote = values['note-file'] !== undefined ? readNote(values['note-file']) : values.note;
	if (values.slug !== undefined && !SLUG_PATTERN.test(values.slug)) throw new UserError(m.badSlug(values.slug, 'dianxing-jingyan-2'));
	if (!cases.length) throw new UserError(m.noCasesYet(shownPath(casesDir)));
	if (!interactive) {
		const missing = ['series', 'cases'].filter((k) => values[k as keyof typeof values] === undefined);
		if (missing.length) throw new UserError(m.issueNoTerminal(missing.map((k) => `--${k}`).join(', ')));
	}

	const asking = interactive && (values.series === undefined || values.cases === undefined);
	if (asking) p.intro(m.issueIntro());
	const seriesName = values.series?.trim() ?? (await askSeries());
	const known = series.find((s) => sameSeries(s.series, seriesName));
	const organizationDefault = known?.organization;
	if (!interactive && !values.organization && !organizationDefault) throw new UserError(m.newSeriesNeedsOrganization(seriesName));

	const suggestedNumber = nextIssueNumber(issues, seriesName);
	const number =
		flagNumber ??
		(asking
			? Number(
					answer(
						await p.text({
							message: m.askNumber(),
							initialValue: String(suggestedNumber),
							validate: (v) => {
								const n = Number(v);
								if (!v || !Number.isInteger(n) || n < 1) return m.badNumberAnswer(v ?? '');
								const taken = existingIssue(issues, seriesName, n);
								return taken ? m.numberTaken(n, shownPath(fileOf(taken.id))) : undefined;
							},
						}),
					),
				)
			: suggestedNumber);
	const taken = existingIssue(issues, seriesName, number);
	if (taken) throw new UserError(m.issueExists(seriesName, number, shownPath(fileOf(taken.id))));

	const date = flagDate ?? (asking ? await askDate(m.askIssueDate()) : isoDate(new Date()));
	const organization =
		values.organization?.trim() ??
		(asking
			? answer(
					await p.text({ message: m.askOrganization(), initialValue: organizationDefault ?? '', validate: required(m.whatOrganization()) }),
				).trim()
			: (organizationDefault as string));
	const internal =
		values.internal ??
		(asking
			? answer(await p.confirm({ message: m.askInternal(), initialValue: known?.internal ?? false, active: m.yes(), inactive: m.no() }))
			: (known?.internal ?? false));
	const script: Script = (values.script as Script | undefined) ?? ((known?.script as Script | undefined) || (asking ? await askScript() : 'hans'));
	const chosen =
		flagCases ??
		answer(
			await chooseItems(
				m.askCases(),
				cases,
				(c) => ({ value: c.id, label: `${c.title} — ${c.unit}`, hint: m.caseHint(c.id, c.date, c.status === 'draft') }),
				caseMatches,
			),
		);
	const note = flagNote ?? (interactive ? await askNote() : '');
	const suggestedId = freeFileName(issuesDir, suggestIssueId(issues, seriesName, number));
	const id = values.slug ?? (asking ? await askFileName(issuesDir, suggestedId) : suggestedId);

	const answers: IssueAnswers = {
		series: seriesName,
		number,
		...(values['number-label'] ? { numberLabel: values['number-label'] } : {}),
		...(totalNumber ? { totalNumber } : {}),
		date,
		organization,
		internal,
		script,
		cases: chosen,
		note,
	};
	const allDrafts = chosen.every((c) => cases.find((x) => x.id === c)?.status === 'draft');
	const document = issueDocument({ ...answers, draft: allDrafts });
	if ('problems' in document) throw new UserError(m.issueProblems(document.problems.join('\n')));
	const file = createMdx(issuesDir, id, document.mdx);
	const url = previewUrl({ kind: 'issue', id }, loadSiteConfig().base, script);
	const draftNote = allDrafts ? [ISSUES_HAVE_STATUS ? m.allDraftsIssueDraft() : m.allDrafts()] : [];
	finish(file, [...draftNote, m.issuePreview(url), m.issueNext()], asking);

	async function askSeries(): Promise<string> {
		const picked = series.length
			? answer(
					await searchSelect({
						message: m.askSeries(),
						options: [
							...series.map((s) => ({ value: s.series, label: s.series, hint: m.seriesHint(s.count, s.lastNumber) })),
							{ value: NEW_SERIES, label: m.newSeries() },
						],
						filter: (search, option) => option.value === NEW_SERIES || option.label.includes(search.trim()),
					}),
				)
			: NEW_SERIES;
		if (picked !== NEW_SERIES) return picked;
		return answer(await p.text({ message: m.askNewSeries(), validate: required(m.whatSeries()) })).trim();
	}

	async function askNote(): Promise<string> {
		// npm sets EDITOR=vi for every script when the user set none, so the editor is offered, never imposed.
		const editor = process.env.VISUAL || process.env.EDITOR;
		const useEditor =
			editor &&
			answer(
				await p.select({
					message: m.noteHow(),
					showInstructions: false,
					options: [
						{ value: false, label: m.noteInline() },
						{ value: true, label: m.noteInEditor(editor) },
					],
				}),
			);
		if (!useEditor) return answer(await p.text({ message: m.askNote(), defaultValue: '' })).trim();
		const dir = mkdtempSync(path.join(tmpdir(), 'new-issue-'));
		const draft = path.join(dir, '编者按.txt');
		try {
			writeFileSync(draft, m.noteTemplate());
			p.log.info(m.openingEditor(editor));
			const run = spawnSync(`${editor} "${draft}"`, { stdio: 'inherit', shell: true });
			if (run.error || run.status !== 0) throw new UserError(m.editorFailed(editor, run.error?.message ?? `exit ${run.status}`));
			return noteFromEditorText(readFileSync(draft, 'utf8'));
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	}

	function caseIds(value: string): string[] {
		const given = splitList(value);
		if (!given.length) throw new UserError(m.noCases());
		const { ids, unknown } = resolveCases(given, cases);
		if (unknown.length) throw new UserError(unknown.map((u) => m.unknownCase(u.given, u.suggestions)).join('\n'));
		return ids;
	}
});

function readNote(file: string): string {
	try {
		return readFileSync(file, 'utf8').trim();
	} catch {
		throw new UserError(m.noteFileUnreadable(file));
	}
}

function positive(value: string, message: string): number {
	const n = Number(value);
	if (!/^\d+$/.test(value.trim()) || n < 1) throw new UserError(message);
	return n;
}
