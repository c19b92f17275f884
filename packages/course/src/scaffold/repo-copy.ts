/**
 * A working copy of the repository in another folder, for tests that change it (scaffolding, the
 * instructor guide's steps): every file git knows or would add, with the installed packages linked
 * rather than copied (fast, and nothing is downloaded). The workspace's own packages are linked to the
 * COPY's folders, as pnpm links them, so `@convkit/course-config` there reads the copy's exercises.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readlinkSync, symlinkSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/** `to` as a node_modules folder whose entries link to `from`'s, except the workspace's packages, which link into `dest`. */
function linkModules(from: string, to: string, root: string, dest: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (existsSync(target)) continue;
    if (entry.isSymbolicLink()) {
      const real = resolve(dirname(source), readlinkSync(source));
      const workspacePackage = real.startsWith(root + sep) && !relative(root, real).split(sep).includes('node_modules');
      symlinkSync(workspacePackage ? join(dest, relative(root, real)) : real, target);
    } else if (entry.isDirectory() && entry.name.startsWith('@')) linkModules(source, target, root, dest);
    else symlinkSync(source, target);
  }
}

export function copyRepo(root: string, dest: string): void {
  const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (listed.status !== 0) throw new Error(`copyRepo: git ls-files failed: ${listed.stderr}`);
  for (const file of listed.stdout.split('\0')) {
    if (file === '' || !existsSync(join(root, file))) continue; // deleted but not yet committed
    mkdirSync(dirname(join(dest, file)), { recursive: true });
    copyFileSync(join(root, file), join(dest, file));
  }
  const workspaces = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', '*package.json'], { cwd: root, encoding: 'utf8' })
    .stdout.split('\0')
    .filter((f) => f !== '' && !f.includes('node_modules'))
    .map((f) => dirname(f));
  for (const dir of workspaces) {
    const modules = join(root, dir, 'node_modules');
    if (existsSync(modules) && !existsSync(join(dest, dir, 'node_modules'))) linkModules(modules, join(dest, dir, 'node_modules'), root, dest);
  }
}
