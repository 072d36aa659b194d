/**
 * Finds and launches an installed Chromium for printing and browser tests. Never
 * downloads one: CHROMIUM_PATH wins, then the usual system locations.
 */
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';

const CANDIDATES = [
	'/usr/bin/chromium',
	'/usr/bin/chromium-browser',
	'/usr/bin/google-chrome',
	'/usr/bin/google-chrome-stable',
	'/snap/bin/chromium',
	'/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
	'/Applications/Chromium.app/Contents/MacOS/Chromium',
	'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

/** Chromium's flags for printing and tests: headless, no sandbox, and nothing that calls home. */
export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
	'--disable-quic',
];

/** What to tell a user who has no Chromium. */
export const HOW_TO_GET_CHROMIUM =
	'Install Chromium (Debian/Ubuntu: sudo apt-get install -y chromium) or set CHROMIUM_PATH to a Chrome/Chromium executable.';

/** The Chromium executable to use, or undefined when none is installed. */
export function findChromium(): string | undefined {
	const fromEnv = process.env.CHROMIUM_PATH;
	if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
	return CANDIDATES.find((candidate) => existsSync(candidate));
}

/** Launches the installed Chromium with {@link CHROMIUM_ARGS}; throws, saying how to get one, when there is none. */
export async function launchChromium(): Promise<Browser> {
	const executablePath = findChromium();
	if (!executablePath) {
		const wanted = process.env.CHROMIUM_PATH;
		throw new Error(
			wanted
				? `CHROMIUM_PATH is set to ${wanted}, but no file is there. ${HOW_TO_GET_CHROMIUM}`
				: `No Chromium found (looked in ${CANDIDATES.slice(0, 4).join(', ')}). ${HOW_TO_GET_CHROMIUM}`,
		);
	}
	const { chromium } = await import('playwright-core');
	return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}
