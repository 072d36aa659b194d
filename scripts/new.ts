/**
 * `npm run new`: scaffolds one draft case. Asks for what the options do not give (title,
 * unit, region read from the unit, township, date, methods, summary, script, file name);
 * with the options given it asks nothing, for scripts:
 *   npm run new -- --title 创新… --unit 常山县委组织部 --methods 文旅融合 --date 2024-06-30
 * Never overwrites a file. Prints where the draft shows in `npm run dev`.
 */
import path from 'node:path';
import * as p from '@clack/prompts';
import { parseCommand, runCommand, UserError } from '../src/lib/cli/command.ts';
import { answer, askDate, askFileName, askScript, canAsk, createMdx, fail, finish, freeFileName, required } from '../src/lib/editor/ask.ts';
import { contentPaths } from '../src/lib/content/paths.ts';
import { loadSiteConfig } from '../src/lib/content/site-config.ts';
import { methodFilter, resolveMethods, splitList } from '../src/lib/editor/methods.ts';
import { previewUrl } from '../src/lib/editor/preview.ts';
import { regionFromFlag, regionFromUnit } from '../src/lib/editor/region.ts';
import { chooseItems, searchSelect } from '../src/lib/editor/search-prompt.ts';
import { caseSlug } from '../src/lib/import/slug.ts';
import { newMessages as m } from '../src/lib/i18n/messages/index.ts';
import { parseDate } from '../src/lib/import/dates.ts';
import { checkAnswers, scaffoldCase, type ScaffoldAnswers } from '../src/lib/import/scaffold.ts';
import { toSimplified } from '../src/lib/import/script.ts';
import { loadTaxonomy } from '../src/lib/import/taxonomy.ts';
import { allDivisions, describeDivision, fullRegionName } from '../src/lib/regions.ts';
import { SLUG_PATTERN } from '../src/schemas/method.ts';
import { SCRIPTS, type Script } from '../src/schemas/script.ts';

const spec = {
	command: 'npm run new',
	summary: {
		zh: '新建一篇案例草稿（status: draft）。选项没给的内容会逐项询问；全部用选项给出时不提问，可在脚本中使用。',
		en: 'Creates a draft case (status: draft). Whatever the options leave out is asked for; with every option given it asks nothing, for scripts.',
	},
	options: {
		title: {
			type: 'string',
			value: 'TEXT',
			help: {
				zh: '标题（不含单位）',
				en: 'headline, without the unit',
			},
		},
		subtitle: {
			type: 'string',
			value: 'TEXT',
			help: {
				zh: '副标题',
				en: 'second headline line',
			},
		},
		unit: {
			type: 'string',
			value: 'TEXT',
			help: {
				zh: '报送单位，照原文写，如 常山县委组织部',
				en: 'reporting unit as written, e.g. 常山县委组织部',
			},
		},
		region: {
			type: 'string',
			value: 'CODE|NAME',
			help: {
				zh: '行政区划代码或名称，如 330822 或 常山县（默认由单位推断）',
				en: 'division code or name, e.g. 330822 or 常山县 (default: read from the unit)',
			},
		},
		township: {
			type: 'string',
			value: 'TEXT',
			help: {
				zh: '乡镇（街道），照原文写',
				en: 'township, town or street as written',
			},
		},
		methods: {
			type: 'string',
			value: 'A,B',
			help: {
				zh: '方法：中文名称或 slug，用逗号或顿号分隔，如 文旅融合、积分制管理',
				en: 'methods: Chinese names or slugs, comma-separated, e.g. 文旅融合,points-system',
			},
		},
		script: {
			type: 'string',
			value: 'hans|hant',
			help: {
				zh: '正文用字：hans 简体（默认）或 hant 繁體',
				en: 'script of the text: hans (default) or hant',
			},
		},
		slug: {
			type: 'string',
			value: 'SLUG',
			help: {
				zh: '文件名（即网址），默认为地名和关键词的拼音',
				en: 'file name (the URL), default: pinyin of the place and a keyword',
			},
		},
		date: {
			type: 'string',
			value: 'YYYY-MM-DD',
			help: {
				zh: '日期 YYYY-MM-DD（默认今天，并列入待核对）',
				en: 'date YYYY-MM-DD (default: today, marked for review)',
			},
		},
		publisher: {
			type: 'string',
			value: 'TEXT',
			help: {
				zh: '来源发布单位（默认同报送单位，并列入待核对）',
				en: 'source publisher (default: the unit, marked for review)',
			},
		},
		summary: {
			type: 'string',
			value: 'TEXT',
			help: {
				zh: '一两句话的摘要',
				en: 'one- or two-sentence summary',
			},
		},
		out: {
			type: 'string',
			value: 'DIR',
			help: {
				zh: '案例目录（默认 content/cases）',
				en: 'cases directory (default: content/cases)',
			},
		},
	},
	epilogue: {
		zh: '示例：\n  npm run new -- --title 创新探索“村情报告会”制度 --unit 常山县委组织部 --methods 村情报告与村务公开 --date 2021-06-30\n\n地区由报送单位推断（常山县委组织部 → 浙江省衢州市常山县），推断不出时请用 --region 给出。\n已有同名文件时不会覆盖，请用 --slug 另取文件名。',
		en: 'Example:\n  npm run new -- --title 创新探索“村情报告会”制度 --unit 常山县委组织部 --methods village-affairs-reporting --date 2021-06-30\n\nThe region is read from the unit (常山县委组织部 → 330822); pass --region when it cannot be.\nAn existing file is never overwritten: choose another name with --slug.',
	},
} as const;

await runCommand(async () => {
	const { values } = parseCommand(spec);
	const taxonomy = loadTaxonomy(contentPaths.methods());
	const casesDir = path.resolve(values.out ?? contentPaths.cases());
	const interactive = canAsk();

	// Everything the options say is checked before any question is asked.
	if (values.script && !(SCRIPTS as readonly string[]).includes(values.script)) throw new UserError(m.badScript(values.script));
	const flagDate = values.date === undefined ? undefined : (parseDate(values.date) ?? fail(m.badDate('--date', values.date)));
	const flagRegion = values.region === undefined ? undefined : regionCode(values.region);
	const flagMethods = values.methods === undefined ? undefined : methodSlugs(values.methods);
	if (values.slug !== undefined && !SLUG_PATTERN.test(values.slug))
		throw new UserError(m.badSlug(values.slug, caseSlug(flagRegion ?? '000000', values.title ?? '', values.unit ?? '')));
	const flagUnitRegion = values.unit && !flagRegion ? regionFromUnit(values.unit, values.title) : undefined;
	if (!interactive) {
		const missing = ['title', 'unit', 'methods'].filter((k) => !values[k as keyof typeof values]);
		if (missing.length) throw new UserError(m.noTerminal(missing.map((k) => `--${k}`).join(', ')));
		if (!flagRegion && !flagUnitRegion?.code) throw new UserError(m.regionUnknown(values.unit as string));
	}

	const asking = interactive && (!values.title || !values.unit || !values.methods);
	if (asking) p.intro(m.intro());
	const title = values.title ?? answer(await p.text({ message: m.askTitle(), validate: required(m.whatTitle()) })).trim();
	const subtitle = values.subtitle ?? (values.title ? '' : answer(await p.text({ message: m.askSubtitle(), defaultValue: '' })).trim());
	const unit = values.unit ?? answer(await p.text({ message: m.askUnit(), validate: required(m.whatUnit()) })).trim();

	const fromUnit = flagUnitRegion ?? regionFromUnit(unit, title);
	let region = flagRegion ?? (fromUnit.certain || !interactive ? fromUnit.code : undefined);
	if (!region && fromUnit.code && interactive) {
		const yes = answer(
			await p.confirm({ message: m.confirmRegion(fullRegionName(fromUnit.code), fromUnit.code), active: m.yes(), inactive: m.no() }),
		);
		if (yes) region = fromUnit.code;
	} else if (region && asking && !flagRegion) p.log.info(m.regionFound(fullRegionName(region), region));
	region ??= interactive ? await askRegion() : fail(m.regionUnknown(unit));

	const township =
		values.township ??
		(asking ? answer(await p.text({ message: m.askTownship(), initialValue: fromUnit.township ?? '', defaultValue: '' })).trim() : fromUnit.township);
	const date = flagDate ?? (asking ? await askDate(m.askDate()) : undefined);
	const matchesMethod = methodFilter(taxonomy.methods);
	const methods =
		flagMethods ??
		answer(
			await chooseItems(
				m.askMethods(),
				taxonomy.methods,
				(method) => ({ value: method.slug, label: method.name, hint: `${method.category} · ${method.slug}` }),
				matchesMethod,
			),
		);
	const summary = values.summary ?? (asking ? answer(await p.text({ message: m.askSummary(), defaultValue: '' })).trim() : '');
	const script: Script = (values.script as Script | undefined) ?? (asking ? await askScript() : 'hans');
	const suggested = freeFileName(casesDir, caseSlug(region, title, unit));
	const slug = values.slug ?? (asking ? await askFileName(casesDir, suggested) : suggested);

	const answers: ScaffoldAnswers = {
		title,
		unit,
		region,
		methods,
		script,
		slug,
		...(subtitle ? { subtitle } : {}),
		...(township ? { township } : {}),
		...(date ? { date } : {}),
		...(values.publisher ? { publisher: values.publisher } : {}),
		...(summary ? { summary } : {}),
	};
	const problems = checkAnswers(answers, new Set(taxonomy.methods.map((method) => method.slug)));
	if (problems.length) throw new UserError(problems.join('\n'));
	const result = scaffoldCase(answers);
	const file = createMdx(casesDir, result.slug, result.mdx);
	const url = previewUrl({ kind: 'case', id: result.slug }, loadSiteConfig().base, script);
	finish(file, [m.preview(url), m.nextSteps()], asking);

	/** The region of a --region value, or a usage error naming the choices. */
	function regionCode(value: string): string {
		const found = regionFromFlag(value);
		if (!found) throw new UserError(m.regionNotFound(value));
		if (Array.isArray(found)) throw new UserError(m.regionAmbiguous(value, found.slice(0, 5).map(describeDivision).join('、')));
		return found.code;
	}

	/** Slugs of a --methods value, or an error with did-you-mean for each unknown name. */
	function methodSlugs(value: string): string[] {
		const given = splitList(value);
		if (!given.length) throw new UserError(m.noMethods());
		const { slugs, unknown } = resolveMethods(given, taxonomy.methods);
		if (unknown.length) throw new UserError(unknown.map((u) => m.unknownMethod(u.given, u.suggestions)).join('\n'));
		return slugs;
	}

	async function askRegion(): Promise<string> {
		return answer(
			await searchSelect({
				message: m.askRegion(),
				maxItems: 8,
				options: allDivisions.map((d) => ({ value: d.code, label: fullRegionName(d.code), hint: d.code })),
				filter: (search, option) => {
					const s = toSimplified(search.trim());
					return !s || option.value.startsWith(s) || option.label.includes(s);
				},
			}),
		);
	}
});
