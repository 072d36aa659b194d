/**
 * Placeholder: makes each text node of an MDX case render in the script the page asks
 * for (`<Content script="hant" />`). Replaced by the conversion module.
 */
export default function rehypeScriptVariants() {
	return () => {};
}
