/**
 * Applies the print layout rules while Paged.js lays an issue out, instead of in a second
 * layout of the whole issue. The rules (printer.ts) tighten the first page when the table of
 * contents spills onto page 2 (`compact`), and move a case's last paragraph to a new page, or
 * let its figures table break, when the case would end with a line or two on a page of its
 * own (`keepEnds`, `splitEnds`). Each case starts a page of the same type area, so whether a
 * case ends short depends on that case alone: it is checked as soon as the case is laid out,
 * and if a rule is broken the adjustment goes into Paged.js's source and the layout goes back
 * to the first page the adjustment can change, with Paged.js's state as it was there. The
 * pages come out as a second layout with the same adjustments would give them.
 *
 * These functions run in the print page, not in Node: they are installed as text
 * (`layoutRulesScript`), so they use nothing outside their own bodies but `window`.
 */

/** The layout rules' checks and fixes, as the print page sees them (window.__compendiumLayout). */
export interface LayoutRulesInPage {
	/** Whether the table of contents ends on page 1 (printer.ts). */
	contentsOnFirstPage: () => boolean;
	/** Cases, by index, whose end is short now (printer.ts); only case `only` when given. */
	shortCaseEnds: (only?: number) => { keepEnds: number[]; splitEnds: number[] };
	compactCss: string;
	/** Off for a layout that already carries its adjustments (a second layout, the fallback). */
	enabled: boolean;
	/** What was checked and adjusted during the layout, read by the printer afterwards. */
	outcome: InlineOutcome;
	layout: typeof rewindingLayout;
	rewindTo: typeof rewindTo;
}

/** The adjustments made during the layout, and what was checked (the rest is checked afterwards). */
export interface InlineOutcome {
	compact: boolean;
	keepEnds: number[];
	splitEnds: number[];
	contentsChecked: boolean;
	casesChecked: number[];
	/** Pages laid out again, for the debug output. */
	pagesRedone: number;
	/** Why applying the rules during the layout failed (the layout stopped there). */
	failed?: string;
}

/** A break token of Paged.js: where a page's content starts in the source. */
interface BreakToken {
	node?: Node;
	toJSON(hash?: boolean): string;
}

/** The part of Paged.js's Chunker the layout loop uses (pagedjs 0.4.3). */
interface Chunker {
	pages: {
		element: HTMLElement;
		wrapper: HTMLElement;
		layout(content: DocumentFragment, token: BreakToken | false, maxChars?: number): Promise<BreakToken | undefined>;
	}[];
	hooks: Record<string, { trigger(...args: unknown[]): Promise<unknown> }>;
	charsPerBreak: number[];
	maxChars?: number;
	settings: { maxChars?: number };
	handleBreaks(node?: Node | null): Promise<void>;
	addPage(): Chunker['pages'][number];
	removePages(from: number): void;
	emit(event: string, ...args: unknown[]): void;
	recoredCharLength(length: number): void;
}

/** Where a page started, and Paged.js's state there, to lay out again from it. */
interface PageStart {
	token: BreakToken | false;
	tokens: number;
	charsPerBreak: number[];
	maxChars: number | undefined;
	settingsMaxChars: number | undefined;
}

/**
 * Paged.js 0.4.3's `Chunker.prototype.layout`, line for line, plus a look after each page
 * (`rewindTo`) that may send the layout back to an earlier page. Installed in its place.
 */
export async function* rewindingLayout(
	this: Chunker,
	content: DocumentFragment,
	startAt?: BreakToken,
): AsyncGenerator<BreakToken | undefined, unknown> {
	const rules = (window as unknown as { __compendiumLayout?: LayoutRulesInPage }).__compendiumLayout;
	let breakToken: BreakToken | false | undefined = startAt || false;
	const tokens: string[] = [];
	const starts: PageStart[] = [];

	while (breakToken !== undefined) {
		starts[this.pages.length] = {
			token: breakToken,
			tokens: tokens.length,
			charsPerBreak: [...this.charsPerBreak],
			maxChars: this.maxChars,
			settingsMaxChars: this.settings.maxChars,
		};
		if (breakToken && breakToken.node) {
			await this.handleBreaks(breakToken.node);
		} else {
			await this.handleBreaks(content.firstChild);
		}

		const page = this.addPage();

		await this.hooks.beforePageLayout!.trigger(page, content, breakToken, this);
		this.emit('page', page);

		// Layout content in the page, starting from the breakToken
		breakToken = await page.layout(content, breakToken, this.maxChars);

		if (breakToken) {
			const newToken = breakToken.toJSON(true);
			if (tokens.lastIndexOf(newToken) > -1) {
				// loop
				console.error('Layout repeated at: ', breakToken.node);
				return new Error('Layout repeated');
			} else {
				tokens.push(newToken);
			}
		}

		await this.hooks.afterPageLayout!.trigger(page.element, page, breakToken, this);
		await this.hooks.finalizePage!.trigger(page.element, page, undefined, this);
		this.emit('renderedPage', page);

		this.recoredCharLength(page.wrapper.textContent?.length ?? 0);

		yield breakToken;

		let back: number | undefined;
		try {
			back = rules?.enabled ? rules.rewindTo(this, content, breakToken, rules) : undefined;
			if (back !== undefined && !starts[back]) throw new Error(`no page ${back} to lay out again from`);
		} catch (error) {
			// Paged.js would wait forever for a layout that threw. Stop here: the printer lays
			// the issue out again, with the rules applied after the layout.
			rules!.outcome.failed = String(error);
			return undefined;
		}
		if (back !== undefined) {
			const start = starts[back]!;
			rules!.outcome.pagesRedone += this.pages.length - back;
			this.removePages(back);
			breakToken = start.token;
			tokens.length = start.tokens;
			this.charsPerBreak = [...start.charsPerBreak];
			this.maxChars = start.maxChars;
			this.settings.maxChars = start.settingsMaxChars;
		}
	}
	return undefined;
}

/**
 * After a page is laid out: checks the rules that can now be decided (the contents once
 * they are laid out, a case once it ends), and for a broken one adjusts the source and
 * returns the index of the page to lay out again from.
 */
export function rewindTo(
	chunker: Chunker,
	content: DocumentFragment,
	breakToken: BreakToken | undefined,
	rules: LayoutRulesInPage,
): number | undefined {
	const outcome = rules.outcome;
	// Paged.js's displayedElementBefore: the element before `node` in document order, siblings
	// first, then an ancestor's, skipping whitespace, comments and undisplayed elements.
	const displayedElementBefore = (node: Element, limiter: Node): HTMLElement | undefined => {
		const ignorable = (n: Node) => n.nodeType === 8 || (n.nodeType === 3 && !/[^\t\n\r ]/.test(n.textContent ?? ''));
		const nodeBefore = (from: Node): Node | undefined => {
			for (let at: Node | null = from; at && at !== limiter; at = at.parentNode) {
				let sibling = at.previousSibling;
				while (sibling && ignorable(sibling)) sibling = sibling.previousSibling;
				if (sibling) return sibling;
			}
			return undefined;
		};
		let before = nodeBefore(node);
		while (before && (before.nodeType !== 1 || (before as HTMLElement).dataset.undisplayed)) before = nodeBefore(before);
		return before as HTMLElement | undefined;
	};
	const past = (element: Element) =>
		!breakToken?.node ||
		(!element.contains(breakToken.node) && (element.compareDocumentPosition(breakToken.node) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0);
	const pageOf = (element: Element | null | undefined) => {
		const page = element?.closest('.pagedjs_page');
		return page ? chunker.pages.findIndex((p) => p.element === page) : -1;
	};

	if (!outcome.contentsChecked) {
		const toc = content.querySelector('.toc');
		if (!toc || past(toc)) {
			outcome.contentsChecked = true;
			if (!rules.contentsOnFirstPage()) {
				outcome.compact = true;
				const style = document.createElement('style');
				style.textContent = rules.compactCss;
				document.head.append(style);
				return 0;
			}
		}
	}

	const sources = [...content.querySelectorAll<HTMLElement>('article.case')];
	const laidOut = chunker.pages.at(-1)?.element.querySelectorAll<HTMLElement>('article.case');
	const ref = laidOut?.[laidOut.length - 1]?.dataset.ref;
	const source = sources.find((article) => article.dataset.ref === ref);
	const index = source ? sources.indexOf(source) : -1;
	if (!source || outcome.casesChecked.includes(index) || !past(source)) return undefined;
	// The paragraph whose page the adjustment can change: the last of the case body.
	const last = source.querySelector(':scope .case-body')?.lastElementChild;
	// Named pages would make Paged.js skip a break (its needsPageBreak): left to the check after the layout.
	if (!(last instanceof HTMLElement) || content.querySelector('[data-page]')) return undefined;
	const from = pageOf(document.querySelector(`.pagedjs_pages [data-ref="${last.dataset.ref}"]`));
	if (from < 0) return undefined;
	outcome.casesChecked.push(index);
	const { keepEnds, splitEnds } = rules.shortCaseEnds(index);
	if (keepEnds.includes(index)) {
		outcome.keepEnds.push(index);
		// What the print style `.keep-with-end { break-before: page }` makes of it (Paged.js's Breaks
		// handler): no break without an element before it to break after.
		last.classList.add('keep-with-end');
		const before = displayedElementBefore(last, content);
		if (before) {
			last.setAttribute('data-break-before', 'page');
			before.setAttribute('data-next-break-before', 'page');
		}
		return from;
	}
	if (splitEnds.includes(index)) {
		outcome.splitEnds.push(index);
		source.querySelector('.case-end')?.classList.add('long');
		return from;
	}
	return undefined;
}
