/**
 * One way for every script to read its command line and to end. `--help` prints the usage
 * and exits 0; an unknown option or a stray argument prints what was wrong plus the usage and
 * exits 2; `--lang zh|en` chooses the message language; a {@link UserError} ends the command
 * with its message and exit code, never a stack trace (DEBUG=1 shows one for internal errors).
 */
import { parseArgs, styleText } from 'node:util';
import { cliMessages, localized, parseMessageLanguage, setMessageLanguage, type Bilingual } from '../i18n/messages/index.ts';

/** One option as a command declares it: its parseArgs shape plus its help text. */
export interface OptionSpec {
	type: 'string' | 'boolean';
	short?: string;
	multiple?: boolean;
	/** Placeholder shown in the usage, e.g. DIR or YYYY-MM-DD. */
	value?: string;
	help: Bilingual;
}

/** What a command accepts, for parsing and for its `--help`. */
export interface CommandSpec<O extends Record<string, OptionSpec>> {
	/** How the user runs it, e.g. `npm run check`. */
	command: string;
	summary: Bilingual;
	/** Positional arguments, e.g. `<文件…>`; omit when the command takes none. */
	positionals?: Bilingual;
	options: O;
	/** Extra lines after the options (examples, notes). */
	epilogue?: Bilingual;
}

/** The parsed values, typed from the spec. */
export type OptionValues<O extends Record<string, OptionSpec>> = {
	[K in keyof O]?: O[K] extends { type: 'string' } ? (O[K] extends { multiple: true } ? string[] : string) : boolean;
};

/** An error the user can fix: printed as one message, no stack trace. */
export class UserError extends Error {
	readonly exitCode: number;
	constructor(message: string, exitCode = 1) {
		super(message);
		this.name = 'UserError';
		this.exitCode = exitCode;
	}
}

const sharedOptions = {
	help: { type: 'boolean', short: 'h', help: { zh: '显示本帮助', en: 'show this help' } },
	lang: { type: 'string', value: 'zh|en', help: { zh: '消息语言：zh（默认）或 en', en: 'message language: zh (default) or en' } },
} as const satisfies Record<string, OptionSpec>;

/** The `--help` text of a command. */
export function formatUsage<O extends Record<string, OptionSpec>>(spec: CommandSpec<O>): string {
	const all: Record<string, OptionSpec> = { ...spec.options, ...sharedOptions };
	const rows = Object.entries(all).map(([name, option]) => {
		const flag = `${option.short ? `-${option.short}, ` : '    '}--${name}${option.type === 'string' ? ` ${option.value ?? 'VALUE'}` : ''}`;
		return [flag, localized(option.help)] as const;
	});
	const width = Math.max(...rows.map(([flag]) => flag.length));
	const lines = [
		cliMessages.usageLine(`${spec.command}${spec.positionals ? ` -- ${localized(spec.positionals)}` : ''} ${cliMessages.optionsPlaceholder()}`),
		'',
		localized(spec.summary),
		'',
		cliMessages.optionsHeading(),
		...rows.map(([flag, help]) => `  ${flag.padEnd(width)}  ${help}`),
	];
	if (spec.epilogue) lines.push('', localized(spec.epilogue));
	return lines.join('\n');
}

/** Prints `error: message` in red on stderr. */
export function printError(message: string): void {
	console.error(styleText('red', cliMessages.error(message)));
}

/**
 * Parses argv against the spec. Handles --help and --lang itself; on a usage error prints the
 * problem and the usage and exits 2.
 */
export function parseCommand<O extends Record<string, OptionSpec>>(
	spec: CommandSpec<O>,
	argv: string[] = process.argv.slice(2),
): { values: OptionValues<O>; positionals: string[] } {
	const language = argv.findIndex((arg) => arg === '--lang' || arg.startsWith('--lang='));
	if (language >= 0) {
		const value = argv[language]!.includes('=') ? argv[language]!.split('=')[1] : argv[language + 1];
		const parsedLanguage = parseMessageLanguage(value);
		if (parsedLanguage) setMessageLanguage(parsedLanguage);
	}
	const options: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }> = {};
	const declared: Record<string, OptionSpec> = { ...spec.options, ...sharedOptions };
	for (const [name, option] of Object.entries(declared)) {
		options[name] = { type: option.type, ...(option.short ? { short: option.short } : {}), ...(option.multiple ? { multiple: true } : {}) };
	}
	const usageError = (message: string): never => {
		printError(message);
		console.error('');
		console.error(formatUsage(spec));
		process.exit(2);
	};
	let parsed: ReturnType<typeof parseArgs>;
	try {
		parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
	} catch (error) {
		const text = error instanceof Error ? error.message : String(error);
		const unknown = /Unknown option '([^']+)'/.exec(text);
		return usageError(unknown ? cliMessages.unknownOption(unknown[1]!) : cliMessages.badOption(text));
	}
	if (parsed.values.help) {
		console.log(formatUsage(spec));
		process.exit(0);
	}
	const lang = parsed.values.lang;
	if (typeof lang === 'string' && !parseMessageLanguage(lang)) usageError(cliMessages.badLanguage(lang));
	if (!spec.positionals && parsed.positionals.length) usageError(cliMessages.unexpectedArgument(parsed.positionals[0]!));
	const values = { ...parsed.values } as Record<string, unknown>;
	delete values.help;
	delete values.lang;
	return { values: values as OptionValues<O>, positionals: parsed.positionals };
}

/**
 * Runs a command's main function: a {@link UserError} prints its message and exits with its
 * code; anything else is an internal error, printed in one line (with the stack under DEBUG).
 */
export async function runCommand(main: () => Promise<void> | void): Promise<void> {
	try {
		await main();
	} catch (error) {
		// By name too: a module Astro loads through Vite (astro.config.mjs and what it imports) has its own UserError class.
		if (error instanceof UserError || (error instanceof Error && error.name === 'UserError')) {
			printError(error.message);
			process.exit((error as UserError).exitCode ?? 1);
		}
		const detail = error instanceof Error ? error.message : String(error);
		printError(cliMessages.internalError(detail));
		if (process.env.DEBUG && error instanceof Error) console.error(error.stack);
		process.exit(1);
	}
}
