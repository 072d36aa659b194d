/**
 * opencc-js ships each OpenCC dictionary as its own module (package export "./*"),
 * without type declarations: every one default-exports "key value|key value|…".
 */
declare module 'opencc-js/dict/*' {
	const dictionary: string;
	/** The dictionary's text: "source target|source target|…". */
	export default dictionary;
}
