// The root's course.config.ts (the instructor's file) imports a workspace package (defineCourse). Declared in the
// root package.json, that package would enter turbo's global hash (turbo hashes every file of a root workspace
// dependency into every task), so any edit to it would invalidate every cached task. pnpm still links it for the
// root: this hook adds each `@convkit/…` package that course.config.ts imports as a root devDependency at install
// time, where turbo, which reads package.json files, does not see it. scripts/turbo-hashes.test.ts checks the result.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

function courseConfigImports() {
  const text = readFileSync(join(__dirname, 'course.config.ts'), 'utf8');
  return [...text.matchAll(/\bfrom\s*['"](@convkit\/[\w-]+)/g)].map((m) => m[1]);
}

module.exports = {
  hooks: {
    readPackage(pkg) {
      if (pkg.name !== 'convkit') return pkg;
      pkg.devDependencies = { ...pkg.devDependencies };
      for (const name of courseConfigImports()) pkg.devDependencies[name] = 'workspace:*';
      return pkg;
    },
  },
};
