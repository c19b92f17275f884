import type { Config } from '@docusaurus/types';
import type * as Preset from '@docusaurus/preset-classic';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import { chaptersLeftOut, course, site } from './course.ts';
import commonjsServerBundle from './src/plugins/commonjs-server-bundle.ts';
import bundlerCacheKey from './src/plugins/bundler-cache-key.ts';
import browserGrader from './src/plugins/browser-grader.ts';
import { darkCodeTheme, lightCodeTheme } from './src/lib/code-themes.ts';

// Runs in Node. The site is docs-only (docs at the root of its base URL), fetches nothing from the network at build or view
// time: KaTeX's CSS and fonts are bundled from node_modules, there are no web fonts, images or analytics.
// Chapters the course config leaves out are not built; links to them from the chapters that stay are then
// reported as warnings rather than failing the build (they are the instructor's to reword).
const hasPlayground = !chaptersLeftOut.includes('playground');
const linkCheck = chaptersLeftOut.length > 0 ? 'warn' : 'throw';

const config: Config = {
  // the course config's title and address (course.ts)
  title: course.title,
  tagline: 'Learn convolutional neural networks by building one',
  favicon: 'img/favicon.ico',
  future: { v4: true }, // Rspack + SWC via @docusaurus/faster: cold builds in seconds
  url: site.url,
  baseUrl: site.baseUrl,
  onBrokenLinks: linkCheck,
  markdown: {
    // .md files (generated exercise pages, API reference) are CommonMark; chapters are .mdx
    format: 'detect',
    hooks: { onBrokenMarkdownLinks: linkCheck },
  },
  i18n: { defaultLocale: 'en', locales: ['en'] },
  presets: [
    [
      'classic',
      {
        docs: {
          routeBasePath: '/',
          // Docusaurus's default exclusions, plus the chapters this course leaves out
          exclude: ['**/_*.{js,jsx,ts,tsx,md,mdx}', '**/_*/**', '**/*.test.{js,jsx,ts,tsx}', '**/__tests__/**', ...chaptersLeftOut.map((id) => `${id}.mdx`)],
          sidebarPath: './sidebars.ts',
          remarkPlugins: [remarkMath],
          rehypePlugins: [rehypeKatex],
        },
        blog: false,
        theme: {
          customCss: ['./src/css/custom.css', require.resolve('katex/dist/katex.min.css')],
        },
      } satisfies Preset.Options,
    ],
  ],
  themes: ['@docusaurus/theme-live-codeblock'],
  // Escape leaves a live editor (where Tab indents), for keyboard users
  clientModules: ['./src/client/live-editor-keys.ts'],
  plugins: [
    // the server bundle stays CommonJS when the site is built under a "type": "module" package (release/site)
    commonjsServerBundle,
    // one bundler cache per site address and course (they come from the environment, not this file)
    [bundlerCacheKey, { key: JSON.stringify({ site, course }) }],
    // the exercise pages' in-browser grader: no Node-only module in the site's bundles
    browserGrader,
    [
      'docusaurus-plugin-typedoc',
      {
        // API reference generated from the engine's TSDoc into docs/api (git-ignored) on every build/start
        entryPoints: ['../packages/engine/src/index.ts'],
        tsconfig: '../packages/engine/tsconfig.json',
        out: 'docs/api',
        readme: 'none',
        excludePrivate: true,
        excludeInternal: true,
        disableSources: true,
        hidePageHeader: true,
        sidebar: { pretty: true },
        skipErrorChecking: true,
      },
    ],
  ],
  themeConfig: {
    colorMode: { respectPrefersColorScheme: true },
    navbar: {
      title: course.title,
      logo: { alt: 'convkit logo', src: 'img/logo.svg' },
      items: [
        { type: 'docSidebar', sidebarId: 'course', position: 'left', label: 'Course' },
        ...(hasPlayground ? [{ to: '/playground', label: 'Playground', position: 'left' as const }] : []),
        { type: 'docSidebar', sidebarId: 'exercises', position: 'left', label: 'Exercises' },
        { type: 'docSidebar', sidebarId: 'reference', position: 'left', label: 'API' },
        { to: '/instructor-guide', label: 'Instructors', position: 'right' },
      ],
    },
    footer: {
      style: 'dark',
      links: [
        {
          title: 'Course',
          items: [{ label: 'Start here', to: '/' }, ...(hasPlayground ? [{ label: 'Playground', to: '/playground' }] : [])],
        },
        {
          title: 'Kit',
          items: [
            { label: 'Exercises', to: '/exercises' },
            { label: 'API reference', to: '/api' },
            { label: 'Instructor guide', to: '/instructor-guide' },
          ],
        },
      ],
      copyright: `convkit: an open-source course kit. Built with Docusaurus.`,
    },
    // WCAG AA contrast for every token, light and dark (src/lib/code-themes.ts)
    prism: { theme: lightCodeTheme, darkTheme: darkCodeTheme },
    liveCodeBlock: { playgroundPosition: 'bottom' },
  } satisfies Preset.ThemeConfig,
};

export default config;
