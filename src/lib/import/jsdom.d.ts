/** The part of jsdom's API the importer uses (jsdom ships no type declarations). */
declare module 'jsdom' {
	/** A console that keeps jsdom's page errors (CSS it cannot parse, scripts) out of the importer's output. */
	export class VirtualConsole {
		constructor();
	}
	/** The constructor options the importer passes. */
	export interface JSDOMOptions {
		contentType?: string;
		url?: string;
		virtualConsole?: VirtualConsole;
		includeNodeLocations?: boolean;
	}
	/** A parsed HTML document with its window. */
	export class JSDOM {
		constructor(html?: string, options?: JSDOMOptions);
		readonly window: Window & typeof globalThis;
		serialize(): string;
	}
}
