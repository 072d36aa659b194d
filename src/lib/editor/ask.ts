/**
 * What the editor's commands (`npm run new`, `npm run new-issue`) share: the questions they
 * both ask, ending on Ctrl+C, creating the new file without overwriting, the closing words.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import * as p from '@clack/prompts';
import type { Script } from '../../schemas/script.ts';
import { UserError } from '../cli/command.ts';
import { newMessages } from '../i18n/messages/index.ts';
import { isoDate, parseDate } from '../import/dates.ts';
import { SLUG_PATTERN } from '../../schemas/method.ts';
import { uniqueSlug } from '../import/slug.ts';
import { FileExistsError, writeNewFile } from './write-new.ts';

/** A prompt's answer, or the end of the command (exit 130, nothing written) when the editor pressed Ctrl+C or Esc. */
export function answer<T>(value: T): Exclude<T, symbol> {
	if (p.isCancel(value)) {
		p.cancel(newMessages.cancelled());
		process.exit(130);
	}
	return value as Exclude<T, symbol>;
}

/** A prompt validator: the answer must not be blank. */
export function required(what: string) {
	return (value: string | undefined) => (value?.trim() ? undefined : newMessages.required(what));
}

/** Ends the command with a user error; usable inside expressions. */
export function fail(message: string): never {
	throw new UserError(message);
}

/** Whether questions can be asked: a terminal on both ends and not under CI. */
export function canAsk(): boolean {
	return Boolean(process.stdin.isTTY && process.stdout.isTTY && !p.isCI());
}

/** A path as the editor sees it: relative to where the command was run. */
export function shownPath(file: string): string {
	return path.relative(process.cwd(), file) || file;
}

/** Asks for a date, today filled in; resolves to YYYY-MM-DD. */
export async function askDate(message: string): Promise<string> {
	const typed = answer(
		await p.text({
			message,
			initialValue: isoDate(new Date()),
			validate: (v) => (v && parseDate(v) ? undefined : newMessages.badDateAnswer(v ?? '')),
		}),
	);
	return parseDate(typed) as string;
}

/** Asks which script a text is written in. */
export async function askScript(): Promise<Script> {
	return answer(
		await p.select<Script>({
			message: newMessages.askScript(),
			showInstructions: false,
			options: [
				{ value: 'hans', label: newMessages.scriptHans() },
				{ value: 'hant', label: newMessages.scriptHant() },
			],
		}),
	);
}

/** Asks for a file name (a URL segment) in `dir`, `suggested` filled in; refuses names in use. */
export async function askFileName(dir: string, suggested: string): Promise<string> {
	return answer(
		await p.text({
			message: newMessages.askSlug(),
			initialValue: suggested,
			validate: (v) => {
				if (!v || !SLUG_PATTERN.test(v)) return newMessages.badSlugAnswer();
				const file = path.join(dir, `${v}.mdx`);
				return existsSync(file) ? newMessages.slugTaken(shownPath(file)) : undefined;
			},
		}),
	);
}

/** The first of `slug`, `slug-2` … with no file in `dir`. */
export function freeFileName(dir: string, slug: string): string {
	const taken = existsSync(dir)
		? new Set(
				readdirSync(dir)
					.filter((f) => f.endsWith('.mdx'))
					.map((f) => f.slice(0, -4)),
			)
		: new Set<string>();
	return uniqueSlug(slug, taken);
}

/** Writes `<dir>/<slug>.mdx`, which must not exist; else a user error naming a free name. Returns the file. */
export function createMdx(dir: string, slug: string, text: string): string {
	const file = path.join(dir, `${slug}.mdx`);
	try {
		writeNewFile(file, text);
	} catch (error) {
		if (error instanceof FileExistsError) throw new UserError(newMessages.fileExists(shownPath(file), freeFileName(dir, slug)));
		throw error;
	}
	return file;
}

/** Ends an interactive run with the next steps in a box, or prints them plainly for scripts. */
export function finish(file: string, lines: string[], interactive: boolean): void {
	if (interactive) {
		p.note(lines.join('\n'));
		p.outro(newMessages.wrote(shownPath(file)));
	} else {
		console.log(newMessages.wrote(shownPath(file)));
		for (const line of lines) console.log(line);
	}
}
