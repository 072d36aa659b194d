/** Small helpers shared by the editor's interactive commands (`npm run new`, `npm run new-issue`). */
import * as p from '@clack/prompts';
import { UserError } from '../cli/command.ts';
import { newMessages } from '../i18n/messages/index.ts';

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
