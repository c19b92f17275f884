/**
 * A working copy of the repository in another folder, for tests that change it (scaffolding, the
 * instructor guide's steps): every file git knows or would add, with the installed `node_modules`
 * folders linked rather than copied (fast, and nothing is downloaded).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';

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
    if (existsSync(modules) && !existsSync(join(dest, dir, 'node_modules'))) symlinkSync(modules, join(dest, dir, 'node_modules'), 'dir');
  }
}
