/**
 * `pnpm new chapter <slug>`: a docs chapter, `docs/docs/<slug>.mdx`, with the parts every chapter
 * has (front matter, a formula, a live example on the real engine), added at the end of the course's
 * `chapters` in course.config.ts, which is the sidebar's order.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '@convkit/engine/node';
import { appendToLiteral, checkSlug, titleCase } from './edit.ts';

export function newChapter(root: string, slugArg: string | undefined, options: { title?: string } = {}): string[] {
  const slug = checkSlug('chapter', slugArg);
  const page = `docs/docs/${slug}.mdx`;
  if (existsSync(join(root, page))) throw new UsageError(`${page} exists already`);
  const title = options.title ?? titleCase(slug);
  writeFileSync(
    join(root, page),
    `---
title: ${JSON.stringify(title)}
---

# ${title}

*(Instructor: what this chapter teaches, in two sentences, and how it connects to the previous one.)*

The idea in one formula (display math needs the \`$$\` on lines of their own):

$$
y = \\max(0, x)
$$

Try it on the real engine: edit the code and the result updates.

\`\`\`jsx live
function Demo() {
  const x = Tensor.from([[-2, -1, 0, 1, 2]], 'float64');
  const y = reluForward(x);
  return <Out id="${slug}-result">relu([-2, -1, 0, 1, 2]) = [{Array.from(y.data).join(', ')}]</Out>;
}
\`\`\`
`,
  );
  const config = 'course.config.ts';
  writeFileSync(join(root, config), appendToLiteral(readFileSync(join(root, config), 'utf8'), /^\s*chapters:\s*\[/m, `'${slug}'`, config));
  return [page, config];
}
