/**
 * What every per-script page and component starts from: its props, the interface strings
 * of its script and the site's base path, in one call, so that frontmatter says only what
 * is its own.
 */
import type { Script } from '../../schemas/script.ts';
import { ui, type UiStrings } from './ui.ts';

/** The props every per-script page receives from its getStaticPaths (static-paths.ts), and every component that speaks. */
export interface ScriptProps {
	script: Script;
}

/** The props with `t`, the interface strings of their script, and `base`, the site's base path. */
export function scriptContext<P extends ScriptProps>(props: P): P & { t: UiStrings; base: string } {
	return { ...props, t: ui(props.script), base: import.meta.env.BASE_URL };
}

/**
 * The placeholder `{index}` passed to a message in place of its value, for messages that
 * reach the browser as a template its script fills in (counts, ids, years).
 */
export function clientSlot(index = 0): string & number {
	return `{${index}}` as unknown as string & number;
}
