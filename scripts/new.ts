/**
 * `npm run new`: scaffolds one draft case. Asks for what the flags do not give (title,
 * unit, region with autocomplete over the division data, methods from the taxonomy,
 * script); with all flags given it runs without questions, for scripts:
 *   npm run new -- --title 创新… --unit 县委组织部 --region 330822 --methods a,b --script hans
 */
import path from 'node:path';
import { existsSync } from 'node:fs';
import { parseArgs, styleText } from 'node:util';
import * as p from '@clack/prompts';
import { contentPaths } from '../src/lib/content/paths.ts';
import { allDivisions, describeDivision, fullRegionName } from '../src/lib/regions.ts';
import { parseDate } from '../src/lib/import/dates.ts';
import { divisionFromFlag } from '../src/lib/import/places.ts';
import { checkAnswers, scaffoldCase, type ScaffoldAnswers } from '../src/lib/import/scaffold.ts';
import { toSimplified } from '../src/lib/import/script.ts';
import { loadTaxonomy } from '../src/lib/import/taxonomy.ts';
import { writeFileAtomic } from '../src/lib/import/write.ts';
import { SCRIPTS, type Script } from '../src/schemas/script.ts';

const USAGE = `Usage: npm run new -- [options]

Scaffolds a draft case. Missing answers are asked for interactively.

Options:
  --title TEXT         headline, without the unit
  --subtitle TEXT      second headline line
  --unit TEXT          reporting unit as written, e.g. 县委组织部
  --region CODE|NAME   division code or name, e.g. 330822 or 常山县
  --township TEXT      township, town or street as written
  --methods a,b        method slugs from content/methods.yaml
  --script hans|hant   script the text is written in (default asked; hans without a terminal)
  --slug SLUG          file name (default: region code + short hash)
  --date YYYY-MM-DD    date of the case (default: today, marked for review)
  --publisher TEXT     source publisher (default: the unit, marked for review)
  --summary TEXT       one- or two-sentence summary
  --out DIR            cases directory (default: content/cases)
  --force              overwrite an existing file
  --help, -h           show this help`;

const fail = (message: string): never => {
	console.error(styleText('red', `error: ${message}`));
	process.exit(1);
};

let parsed;
try {
	parsed = parseArgs({
		options: {
			title: { type: 'string' },
			subtitle: { type: 'string' },
			unit: { type: 'string' },
			region: { type: 'string' },
			township: { type: 'string' },
			methods: { type: 'string' },
			script: { type: 'string' },
			slug: { type: 'string' },
			date: { type: 'string' },
			publisher: { type: 'string' },
			summary: { type: 'string' },
			out: { type: 'string' },
			force: { type: 'boolean', default: false },
			help: { type: 'boolean', short: 'h', default: false },
		},
	});
} catch (error) {
	fail(`${(error as Error).message}\n\n${USAGE}`);
}
const { values } = parsed as NonNullable<typeof parsed>;
if (values.help) {
	console.log(USAGE);
	process.exit(0);
}

const taxonomy = loadTaxonomy(contentPaths.methods());
const knownMethods = new Set(taxonomy.methods.map((m) => m.slug));
const interactive = process.stdin.isTTY && process.stdout.isTTY && !p.isCI();
/** The answer of a prompt, or an exit when the editor pressed Ctrl+C / Esc. */
const cancelled = <T>(value: T): Exclude<T, symbol> => {
	if (p.isCancel(value)) {
		p.cancel('Nothing written.');
		process.exit(130);
	}
	return value as Exclude<T, symbol>;
};
const required = (what: string) => (value: string | undefined) => (value?.trim() ? undefined : `${what} is required`);

function regionFromFlag(value: string): string {
	const found = divisionFromFlag(value);
	if (!found) return fail(`--region: expected a division code or name such as 330822 or 常山县, found ${JSON.stringify(value)}`);
	if (Array.isArray(found))
		return fail(`--region: ${JSON.stringify(value)} is ambiguous: ${found.slice(0, 5).map(describeDivision).join(' or ')}; pass the code`);
	return found.code;
}

const missing = ['title', 'unit', 'region', 'methods'].filter((k) => !values[k as keyof typeof values]);
if (!interactive && missing.length) fail(`no terminal to ask in: pass ${missing.map((m) => `--${m}`).join(', ')}\n\n${USAGE}`);
if (values.script && !(SCRIPTS as readonly string[]).includes(values.script))
	fail(`--script: expected hans or hant, found ${JSON.stringify(values.script)}`);
if (values.date && !parseDate(values.date)) fail(`--date: expected YYYY-MM-DD, found ${JSON.stringify(values.date)}`);

if (interactive && missing.length) p.intro('New case');
const title = values.title ?? cancelled(await p.text({ message: 'Title (标题, without the unit)', validate: required('a title') }));
const subtitle =
	values.subtitle ?? (values.title ? undefined : cancelled(await p.text({ message: 'Subtitle (副标题, optional)', defaultValue: '' })) || undefined);
const unit = values.unit ?? cancelled(await p.text({ message: 'Unit (报送单位, as written, e.g. 县委组织部)', validate: required('the unit') }));
const region = values.region
	? regionFromFlag(values.region)
	: cancelled(
			await p.autocomplete<string>({
				message: 'Region (type a county, city or province name, or a code)',
				maxItems: 8,
				options: allDivisions.map((d) => ({ value: d.code, label: fullRegionName(d.code), hint: d.code })),
				filter: (search, option) => {
					const s = toSimplified(search.trim());
					return !s || option.value.startsWith(s) || String(option.label).includes(s);
				},
			}),
		);
let methods: string[];
if (values.methods) {
	methods = values.methods.split(/[,，\s]+/).filter(Boolean);
} else if (taxonomy.methods.length) {
	methods = cancelled(
		await p.autocompleteMultiselect<string>({
			message: 'Methods (type to filter, Tab to select, Enter to confirm)',
			required: true,
			options: taxonomy.methods.map((m) => ({ value: m.slug, label: m.name, hint: m.category })),
		}),
	);
} else {
	methods = cancelled(await p.text({ message: 'Method slugs, comma-separated (content/methods.yaml was not found)', validate: required('a method') }))
		.split(/[,，\s]+/)
		.filter(Boolean);
}
const script: Script =
	(values.script as Script | undefined) ??
	(interactive
		? cancelled(
				await p.select<Script>({
					message: 'Script of the text',
					options: [
						{ value: 'hans', label: '简体 (hans)' },
						{ value: 'hant', label: '繁體 (hant)' },
					],
				}),
			)
		: 'hans');

const answers: ScaffoldAnswers = {
	title,
	unit,
	region,
	methods,
	script,
	...(subtitle ? { subtitle } : {}),
	...(values.township ? { township: values.township } : {}),
	...(values.slug ? { slug: values.slug } : {}),
	...(values.date ? { date: parseDate(values.date) as string } : {}),
	...(values.publisher ? { publisher: values.publisher } : {}),
	...(values.summary ? { summary: values.summary } : {}),
};
const problems = checkAnswers(answers, knownMethods);
if (problems.length) fail(problems.join('\n'));

const result = scaffoldCase(answers);
const file = path.join(path.resolve(values.out ?? contentPaths.cases()), `${result.slug}.mdx`);
if (existsSync(file) && !values.force) fail(`${file} already exists; pass --force to overwrite or --slug to choose another name`);
writeFileAtomic(file, result.mdx);
const shown = path.relative(process.cwd(), file) || file;
if (interactive && missing.length) p.outro(`Wrote ${shown}`);
else console.log(shown);
