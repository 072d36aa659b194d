/**
 * A searchable list for the terminal, in the message language: type to filter, ↑/↓ to move,
 * Space to tick (also while typing: Space never goes into the filter, since names here
 * have no spaces), Enter to confirm. Built on @clack/core's AutocompletePrompt, whose own
 * multiselect only ticks with Space after an arrow key and speaks English only.
 */
import { styleText } from 'node:util';
import { AutocompletePrompt } from '@clack/core';
import { limitOptions, S_BAR, S_BAR_END, S_CHECKBOX_INACTIVE, S_CHECKBOX_SELECTED, S_RADIO_ACTIVE, S_RADIO_INACTIVE, symbol } from '@clack/prompts';
import { newMessages } from '../i18n/messages/index.ts';

/** One choice: what it stands for, how it reads, and a dim hint shown on the focused row. */
export interface SearchOption<V extends string> {
	value: V;
	label: string;
	hint?: string;
}

interface SearchPromptOptions<V extends string> {
	message: string;
	options: SearchOption<V>[];
	filter: (search: string, option: SearchOption<V>) => boolean;
	initialValues?: V[];
	maxItems?: number;
	/** At least one must be chosen (multiple only). */
	required?: boolean;
	input?: NodeJS.ReadableStream;
	output?: NodeJS.WritableStream;
}

/** AutocompletePrompt where Space ticks the focused row whether or not an arrow was pressed. */
class SpaceTicksPrompt<V extends string> extends AutocompletePrompt<SearchOption<V>> {
	constructor(options: ConstructorParameters<typeof AutocompletePrompt<SearchOption<V>>>[0]) {
		super(options);
		// Runs after the base handler, which ticks on Space only while navigating.
		this.on('key', (_char, key) => {
			if (this.multiple && key?.name === 'space' && !this.isNavigating && this.focusedValue !== undefined) this.toggleSelected(this.focusedValue);
		});
	}
	protected override _isActionKey(char: string | undefined, key: { name?: string }): boolean {
		return (this.multiple && key.name === 'space') || super._isActionKey(char, key as never);
	}
}

function render<V extends string>(prompt: SpaceTicksPrompt<V>, options: SearchPromptOptions<V>, multiple: boolean): string {
	const title = `${styleText('gray', S_BAR)}\n${symbol(prompt.state)}  ${options.message}\n`;
	// In the order ticked: that is the order the values come back in (and cases are printed in).
	const chosen = prompt.selectedValues.flatMap((value) => options.options.filter((o) => o.value === value));
	if (prompt.state === 'submit') {
		const text = multiple ? `${newMessages.selectedCount(chosen.length)}：${chosen.map((o) => o.label).join('、')}` : (chosen[0]?.label ?? '');
		return `${title}${styleText('gray', S_BAR)}  ${styleText('dim', text)}`;
	}
	if (prompt.state === 'cancel') return `${title}${styleText('gray', S_BAR)}  ${styleText(['strikethrough', 'dim'], prompt.userInput)}`;
	const colour = prompt.state === 'error' ? 'yellow' : 'cyan';
	const bar = `${styleText(colour, S_BAR)}  `;
	const typed = prompt.userInput ? prompt.userInputWithCursor : styleText('dim', newMessages.searchPlaceholder());
	const count = prompt.filteredOptions.length !== options.options.length ? styleText('dim', newMessages.matches(prompt.filteredOptions.length)) : '';
	const head = [...`${title}${styleText(colour, S_BAR)}`.split('\n'), `${bar}${styleText('dim', newMessages.searchLabel())} ${typed}${count}`];
	if (prompt.filteredOptions.length === 0 && prompt.userInput) head.push(`${bar}${styleText('yellow', newMessages.noMatches())}`);
	if (prompt.state === 'error') head.push(`${bar}${styleText('yellow', prompt.error)}`);
	if (multiple && chosen.length)
		head.push(`${bar}${styleText('green', `${newMessages.selectedCount(chosen.length)}：${chosen.map((o) => o.label).join('、')}`)}`);
	const foot = [`${bar}${styleText('dim', multiple ? newMessages.multiselectHelp() : newMessages.selectHelp())}`, styleText(colour, S_BAR_END)];
	const rows = limitOptions({
		cursor: prompt.cursor,
		options: prompt.filteredOptions,
		maxItems: options.maxItems,
		output: options.output as never,
		rowPadding: head.length + foot.length,
		style: (option, active) => {
			const ticked = prompt.selectedValues.includes(option.value);
			const mark = multiple
				? ticked
					? styleText('green', S_CHECKBOX_SELECTED)
					: styleText('dim', S_CHECKBOX_INACTIVE)
				: active
					? styleText('green', S_RADIO_ACTIVE)
					: styleText('dim', S_RADIO_INACTIVE);
			const hint = option.hint && active ? styleText('dim', `（${option.hint}）`) : '';
			return `${mark} ${active ? option.label : styleText('dim', option.label)}${hint}`;
		},
	});
	return [...head, ...rows.map((row) => `${bar}${row}`), ...foot].join('\n');
}

function ask<V extends string>(options: SearchPromptOptions<V>, multiple: boolean): Promise<V | V[] | symbol | undefined> {
	const prompt: SpaceTicksPrompt<V> = new SpaceTicksPrompt<V>({
		options: options.options,
		multiple,
		filter: options.filter,
		...(options.initialValues ? { initialValue: options.initialValues } : {}),
		...(options.input ? { input: options.input as never } : {}),
		...(options.output ? { output: options.output as never } : {}),
		validate: () => (multiple && options.required && prompt.selectedValues.length === 0 ? newMessages.chooseAtLeastOne() : undefined),
		render() {
			return render(prompt, options, multiple);
		},
	});
	return prompt.prompt() as Promise<V | V[] | symbol | undefined>;
}

/** Asks for several of the options; resolves to their values, or the cancel symbol. */
export async function searchMultiselect<V extends string>(options: SearchPromptOptions<V>): Promise<V[] | symbol> {
	const value = await ask(options, true);
	return typeof value === 'symbol' ? value : ((value ?? []) as V[]);
}

/** Asks for one of the options; resolves to its value, or the cancel symbol. */
export async function searchSelect<V extends string>(options: SearchPromptOptions<V>): Promise<V | symbol> {
	return (await ask(options, false)) as V | symbol;
}

/**
 * Asks for at least one of `items` (ten rows at a time), each shown as `option(item)` and
 * kept while typing as long as `matches(item, search)`; resolves to the chosen values in the
 * order ticked, or the cancel symbol.
 */
export function chooseItems<T, V extends string>(
	message: string,
	items: readonly T[],
	option: (item: T) => SearchOption<V>,
	matches: (item: T, search: string) => boolean,
): Promise<V[] | symbol> {
	const choices = items.map((item) => ({ item, option: option(item) }));
	return searchMultiselect({
		message,
		required: true,
		maxItems: 10,
		options: choices.map((c) => c.option),
		filter: (search, shown) => matches(choices.find((c) => c.option.value === shown.value)!.item, search),
	});
}
