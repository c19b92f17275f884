export type { Browser, BrowserContext, Page } from 'playwright-core';
export { type ChromiumExecutable, type ChromiumSource, chromiumExecutable, type FindOptions, systemCandidates } from './find.ts';
export { type LaunchOptions, launchChromium, launchChromiumContext, OFFLINE_ARGS } from './launch.ts';
export { type NpmChromium, npmChromiumDir, unpackNpmChromium } from './npm.ts';
