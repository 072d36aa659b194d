/** The part of jsdom's API the importer uses (jsdom ships no type declarations). */
declare module 'jsdom' {
	export class VirtualConsole {
		constructor();
	}
	export interface JSDOMOptions {
		contentType?: string;
		url?: string;
		virtualConsole?: VirtualConsole;
		includeNodeLocations?: boolean;
	}
	export class JSDOM {
		constructor(html?: string, options?: JSDOMOptions);
		readonly window: Window & typeof globalThis;
		serialize(): string;
	}
}
