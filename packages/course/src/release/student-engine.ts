/**
 * The STUDENT ENGINE: the `@convkit/engine` that students receive in the starter kit, and the only
 * engine student code can load during official grading. It holds no implementation of anything the
 * course exercises, and none of the engine's fast path, layers, models or optimizers:
 *
 *  - kept verbatim (no answers in them): tensors, random numbers, argument checks, the op parameter
 *    types, the MNIST loaders, the metrics, the numerical gradient (`@convkit/engine/testing`, which the
 *    visible tests of the backward exercises use), the terminal rules (colour, TTY: the kit's grader prints
 *    with them), and `outputSize` when no exercise of the course asks for it;
 *  - written here: a small readable `reluForward` (the capstone uses it; no exercise asks for it);
 *  - every other runtime export of the real engine becomes a stub that throws, e.g.
 *    "conv2dForward is exercise 02 (Convolution forward pass) of this course and not part of the
 *    student kit: write it in exercises/02-conv-forward/conv-forward.ts";
 *  - the type-only exports stay useful: re-exported from the kept modules, or copied (types hold no code).
 *
 * `scanForAnswers` checks a folder (a kit, a grading runtime) for anything that computes an exercise.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, posix, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import type { Exercise } from '../../../../exercises/manifest.ts';
import { FAST_PATHS } from '../../../grader/src/sandbox/fast-paths.ts';

/** The engine's modules (relative to `packages/engine/src`) copied verbatim: none computes an exercise. */
const KEPT = ['tensor.ts', 'random.ts', 'check.ts', 'ops/params.ts', 'data/mnist.ts', 'data/mnist-node.ts', 'model/metrics.ts', 'testing/gradcheck.ts', 'cli/terminal.ts'] as const;
/** Kept only when no exercise of the course asks for `outputSize`. */
const OUTPUT_SIZE = 'ops/output-size.ts';
/** The student engine's own readable ReLU (written below), kept when no exercise asks for `reluForward`. */
const RELU = 'relu.ts';
/** Bare imports a student engine module may make besides Node's built-ins. */
const ALLOWED_PACKAGES = new Set(['mnist']);

const RELU_SOURCE = `/**
 * ReLU, max(0, x) element by element: the student kit's own readable copy (the capstone uses it; no
 * exercise of this course asks for it). Same checks and values as the engine's.
 */
import { Tensor } from './tensor.ts';
import { checkFinite, checkTensor } from './check.ts';

export function reluForward(x: Tensor): Tensor {
  checkTensor('reluForward', 'x', x);
  checkFinite('reluForward', 'x', x);
  const out = Tensor.zerosLike(x);
  for (let i = 0; i < x.size; i++) out.data[i] = x.data[i] > 0 ? x.data[i] : 0;
  return out;
}
`;

/** The exercise of the course that asks for `name`, directly. */
function exerciseFor(name: string, exercises: readonly Exercise[]): Exercise | undefined {
  return exercises.find((e) => e.functions.includes(name));
}

/** Every name an exercise asks for, with the fast-path kernels that compute it: [name, asked-for name]. */
function guarded(exercises: readonly Exercise[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const e of exercises) for (const f of e.functions) for (const g of [f, ...(FAST_PATHS[f] ?? [])]) if (!names.has(g)) names.set(g, f);
  return names;
}

/** What a stub of `name` says when called (`label` is how the caller wrote it, e.g. `reference.conv2dForward`). */
export function notInKitMessage(name: string, exercises: readonly Exercise[], label = name): string {
  const asked = guarded(exercises).get(name);
  const exercise = asked === undefined ? undefined : exerciseFor(asked, exercises);
  if (asked === undefined || exercise === undefined) return `${label} is not part of the student kit: build your network from your own exercises`;
  const what = asked === name ? label : `${label} (the fast path of ${asked})`;
  return `${what} is exercise ${exercise.id.slice(0, 2)} (${exercise.title}) of this course and not part of the student kit: write it in exercises/${exercise.file}`;
}

const isClass = (value: unknown): boolean => typeof value === 'function' && /^class\b/.test(Function.prototype.toString.call(value));
const q = (text: string): string => JSON.stringify(text);

/** The stub of one runtime export: a function, a class whose constructor throws, an object of stubs, or a copied constant. */
function stubSource(name: string, value: unknown, exercises: readonly Exercise[], readable: ReadonlySet<string>): string {
  const message = notInKitMessage(name, exercises);
  if (isClass(value)) {
    const statics = Object.getOwnPropertyNames(value).filter((p) => !['length', 'name', 'prototype'].includes(p));
    const members = statics.map((s) => {
      const m = q(notInKitMessage(name, exercises, `${name}.${s}`));
      const v = (value as unknown as Record<string, unknown>)[s];
      return typeof v === 'function' ? `  static ${s}(..._args: unknown[]): never {\n    throw new Error(${m});\n  }\n` : `  static get ${s}(): never {\n    throw new Error(${m});\n  }\n`;
    });
    return `export class ${name} {\n  constructor(..._args: unknown[]) {\n    throw new Error(${q(message)});\n  }\n${members.join('')}}\n`;
  }
  if (typeof value === 'function') return `export function ${name}(..._args: unknown[]): never {\n  throw new Error(${q(message)});\n}\n`;
  // A constant (e.g. MODEL_FORMAT, a string): data, not code, so the kit keeps its value.
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return `export const ${name} = ${JSON.stringify(value)};\n`;
  if (typeof value === 'object' && value !== null && Object.values(value).every((v) => typeof v === 'function')) {
    // e.g. `reference`: the reference versions of the ops, each one a stub (or the kit's own readable copy).
    const entries = Object.keys(value).map((k) => (readable.has(k) ? `  ${k},\n` : `  ${k}: thrower(${q(notInKitMessage(k, exercises, `${name}.${k}`))}),\n`));
    const type = Object.keys(value).map((k) => `  readonly ${k}: ${readable.has(k) ? `typeof ${k}` : 'Stub'};\n`);
    return `export const ${name}: {\n${type.join('')}} = {\n${entries.join('')}};\n`;
  }
  throw new Error(`buildStudentEngine: cannot stub the engine export ${name} (${typeof value}); teach student-engine.ts how`);
}

/** `import … from 'x'`, `export … from 'x'`, `import 'x'`, `import('x')`: every module a source file names. */
function importsOf(source: string): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)(['"])([^'"]+)\1/g)) found.push(m[2]);
  return found;
}

/** Throws unless every import of every output file stays inside the output (or is Node or an allowed package). */
function verifyImports(files: ReadonlyMap<string, string>): void {
  for (const [file, source] of files) {
    if (!file.endsWith('.ts')) continue;
    for (const spec of importsOf(source)) {
      if (spec.startsWith('.')) {
        const target = posix.normalize(posix.join(posix.dirname(file), spec));
        if (!files.has(target)) throw new Error(`buildStudentEngine: ${file} imports ${spec}, which is not in the student engine`);
      } else if (!(spec.startsWith('node:') || builtinModules.includes(spec) || ALLOWED_PACKAGES.has(spec.split('/')[0]))) {
        throw new Error(`buildStudentEngine: ${file} imports the package ${spec}, which the student engine does not allow`);
      }
    }
  }
}

interface TypeExport {
  readonly name: string;
  /** The kept module that declares it (relative to src/), or undefined when its declaration is copied. */
  readonly keptIn?: string;
}

/**
 * The type-only exports of the engine's entry `entry`, and for those declared outside the kept modules,
 * their declarations (interfaces and type aliases hold no code), with what they need.
 */
function typeExports(program: ts.Program, engineSrc: string, entry: string, runtime: ReadonlySet<string>, kept: ReadonlySet<string>, stubs: ReadonlySet<string>, copied: Map<string, string>, imports: Map<string, Set<string>>): TypeExport[] {
  const checker = program.getTypeChecker();
  const file = program.getSourceFile(join(engineSrc, entry));
  const moduleSymbol = file && checker.getSymbolAtLocation(file);
  if (!moduleSymbol) throw new Error(`buildStudentEngine: TypeScript could not read ${entry}`);
  const resolve = (s: ts.Symbol): ts.Symbol => (s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s);
  const srcOf = (d: ts.Declaration): string | undefined => {
    const rel = relative(engineSrc, d.getSourceFile().fileName).split(sep).join('/');
    return rel.startsWith('..') || d.getSourceFile().isDeclarationFile ? undefined : rel;
  };

  /** Copies the declaration of `symbol` into types.ts; false when it cannot (then the type is opaque). */
  const copy = (symbol: ts.Symbol, name: string, seen: Set<string>): boolean => {
    if (copied.has(name)) return true;
    if (seen.has(name)) return true;
    seen.add(name);
    const decls = symbol.declarations ?? [];
    if (decls.length === 0 || !decls.every((d) => ts.isInterfaceDeclaration(d) || ts.isTypeAliasDeclaration(d))) return false;
    const needs: [string, ts.Symbol][] = [];
    let ok = true;
    const visit = (node: ts.Node): void => {
      let id: ts.Node | undefined;
      if (ts.isTypeReferenceNode(node)) id = node.typeName;
      else if (ts.isExpressionWithTypeArguments(node)) id = node.expression;
      else if (ts.isTypeQueryNode(node)) ok = false; // `typeof value`: values are not copied
      while (id && ts.isQualifiedName(id)) id = id.left;
      if (id && ts.isIdentifier(id)) {
        const s0 = checker.getSymbolAtLocation(id);
        if (!s0) ok = false;
        else {
          const s = resolve(s0);
          const d = s.declarations?.[0];
          if (!(s.flags & ts.SymbolFlags.TypeParameter) && d && srcOf(d) !== undefined) needs.push([id.text, s]);
        }
      }
      ts.forEachChild(node, visit);
    };
    for (const d of decls) visit(d);
    if (!ok) return false;
    for (const [ref, s] of needs) {
      const rel = srcOf(s.declarations![0])!;
      if (kept.has(rel)) (imports.get(`./${rel}`) ?? imports.set(`./${rel}`, new Set()).get(`./${rel}`)!).add(ref);
      else if (stubs.has(ref)) (imports.get('./index.ts') ?? imports.set('./index.ts', new Set()).get('./index.ts')!).add(ref);
      else if (!copy(s, ref, seen)) return false;
    }
    const text = decls
      .map((d) => d.getText().replace(/^(export\s+)?(declare\s+)?/, 'export '))
      .join('\n');
    copied.set(name, text);
    return true;
  };

  const out: TypeExport[] = [];
  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    const name = exported.getName();
    if (runtime.has(name)) continue;
    const symbol = resolve(exported);
    const decl = symbol.declarations?.[0];
    const rel = decl && srcOf(decl);
    if (rel !== undefined && kept.has(rel)) out.push({ name, keptIn: rel });
    else {
      if (!copy(symbol, name, new Set())) copied.set(name, `/** Not part of the student kit. */\nexport type ${name} = unknown;`);
      out.push({ name });
    }
  }
  return out;
}

/**
 * Writes the student engine, a complete package `@convkit/engine` (src/, package.json, tsconfig.json)
 * at `outDir` (emptied first), for a course of `exercises`, from the repository at `repoRoot`.
 */
export async function buildStudentEngine(repoRoot: string, outDir: string, exercises: readonly Exercise[]): Promise<void> {
  const engineDir = join(repoRoot, 'packages', 'engine');
  const engineSrc = join(engineDir, 'src');
  const asked = guarded(exercises);

  const keptFiles: string[] = [...KEPT];
  if (!asked.has('outputSize')) keptFiles.push(OUTPUT_SIZE);
  const files = new Map<string, string>(); // path relative to src/ → text
  for (const f of keptFiles) files.set(f, readFileSync(join(engineSrc, f), 'utf8'));
  const readable = new Set<string>();
  if (!asked.has('reluForward')) {
    files.set(RELU, RELU_SOURCE);
    readable.add('reluForward');
  }

  // Which module provides each kept runtime name (a kept module must not define an exercised name).
  const provider = new Map<string, string>();
  for (const f of [...keptFiles, ...(readable.size ? [RELU] : [])]) {
    const mod = f === RELU ? { reluForward: true } : ((await import(pathToFileURL(join(engineSrc, f)).href)) as Record<string, unknown>);
    for (const name of Object.keys(mod)) {
      if (asked.has(name) && !(name === 'outputSize' && f === OUTPUT_SIZE)) {
        throw new Error(`buildStudentEngine: an exercise asks for ${name}, which the kept module ${f} defines; the student engine cannot keep it`);
      }
      if (!provider.has(name)) provider.set(name, f);
    }
  }

  const entries = { 'index.ts': 'index.ts', 'node.ts': 'node.ts', 'testing.ts': 'testing.ts' } as const;
  const real: Record<string, Record<string, unknown>> = {};
  for (const entry of Object.keys(entries)) real[entry] = (await import(pathToFileURL(join(engineSrc, entry)).href)) as Record<string, unknown>;
  const stubNames = new Set<string>();
  for (const entry of Object.keys(entries)) for (const name of Object.keys(real[entry])) if (!provider.has(name)) stubNames.add(name);

  const program = ts.createProgram(
    Object.keys(entries).map((e) => join(engineSrc, e)),
    { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, allowImportingTsExtensions: true, noEmit: true, skipLibCheck: true, strict: true, types: [] },
  );
  const copied = new Map<string, string>();
  const typeImports = new Map<string, Set<string>>();
  const keptSet = new Set(files.keys());

  for (const entry of Object.keys(entries)) {
    const ns = real[entry];
    const runtime = new Set(Object.keys(ns));
    const types = typeExports(program, engineSrc, entry, runtime, keptSet, stubNames, copied, typeImports);
    const lines: string[] = [
      entry === 'index.ts'
        ? `/**\n * @convkit/engine, STUDENT KIT EDITION: tensors, random numbers, the MNIST data and the metrics. It has no\n * implementation of what the course's exercises ask for, nor layers, models, optimizers or the fast path:\n * each of those throws and says where to write it. Generated by \`pnpm course build\`; do not edit.\n */`
        : entry === 'testing.ts'
          ? `/** @convkit/engine/testing, STUDENT KIT EDITION: the numerical gradient and the error measures, as the engine's. Generated; do not edit. */`
          : `/** @convkit/engine/node, STUDENT KIT EDITION: the MNIST loader and the terminal rules; the rest throws. Generated; do not edit. */`,
    ];
    // Kept runtime exports, grouped by the module that defines them.
    const byModule = new Map<string, string[]>();
    for (const name of runtime) {
      const f = provider.get(name);
      if (f) (byModule.get(f) ?? byModule.set(f, []).get(f)!).push(name);
    }
    for (const [f, names] of byModule) lines.push(`export { ${names.join(', ')} } from './${f}';`);
    // Type-only exports.
    const typeByModule = new Map<string, string[]>();
    for (const t of types) {
      const f = t.keptIn ?? 'types.ts';
      (typeByModule.get(f) ?? typeByModule.set(f, []).get(f)!).push(t.name);
    }
    for (const [f, names] of typeByModule) lines.push(`export type { ${names.join(', ')} } from './${f}';`);
    // Stubs.
    const stubs = [...runtime].filter((n) => !provider.has(n));
    const needsThrower = stubs.some((n) => typeof ns[n] === 'object');
    const usesReadable = stubs.some((n) => typeof ns[n] === 'object' && Object.keys(ns[n] as object).some((k) => readable.has(k)));
    if (usesReadable) lines.push(`import { reluForward } from './${RELU}';`);
    if (needsThrower) {
      lines.push('', '/** A function that throws `message` whatever it is given. */', 'type Stub = (..._args: unknown[]) => never;');
      lines.push('function thrower(message: string): Stub {\n  return () => {\n    throw new Error(message);\n  };\n}');
    }
    if (stubs.length > 0) lines.push('', '// Not part of the student kit: each of these throws and says why.');
    for (const name of stubs) lines.push(stubSource(name, ns[name], exercises, readable));
    files.set(entries[entry as keyof typeof entries], `${lines.join('\n')}\n`);
  }

  if (copied.size > 0) {
    const header = ['/** Types of the engine (types hold no code), for code written against the full engine. Generated; do not edit. */'];
    for (const [from, names] of typeImports) header.push(`import type { ${[...names].join(', ')} } from '${from}';`);
    files.set('types.ts', `${header.join('\n')}\n\n${[...copied.values()].join('\n\n')}\n`);
  }

  verifyImports(files);
  for (const [f, text] of files) if (/\.(test|spec)\.m?ts$/.test(f)) throw new Error(`buildStudentEngine: ${f} is a test`);

  const realPkg = JSON.parse(readFileSync(join(engineDir, 'package.json'), 'utf8')) as { version: string; exports: Record<string, string>; dependencies?: Record<string, string> };
  const pkg = {
    name: '@convkit/engine',
    version: realPkg.version,
    description: 'convkit engine, student kit edition: no implementation of the exercises',
    private: true,
    type: 'module',
    exports: realPkg.exports,
    scripts: { typecheck: 'tsc -p tsconfig.json' },
    dependencies: { mnist: realPkg.dependencies?.mnist ?? '1.1.0' },
  };

  rmSync(outDir, { recursive: true, force: true });
  for (const [f, text] of files) {
    const to = join(outDir, 'src', ...f.split('/'));
    mkdirSync(dirname(to), { recursive: true });
    writeFileSync(to, text);
  }
  writeFileSync(join(outDir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  writeFileSync(join(outDir, 'tsconfig.json'), `${JSON.stringify({ extends: '../../tsconfig.base.json', include: ['src'] })}\n`);
}

// ---------------------------------------------------------------------------------------------------
// The scan
// ---------------------------------------------------------------------------------------------------

const CODE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;
const MAX_BYTES = 20 * 1024 * 1024;
/**
 * The 4 bytes every WebAssembly module starts with (a zero byte, then "asm"), and their base64 prefix.
 * Both are computed, never written out, so that this file does not match its own scan.
 */
const WASM_MAGIC = Buffer.concat([Buffer.alloc(1), Buffer.from('asm')]);
const WASM_BASE64 = WASM_MAGIC.toString('base64').slice(0, 6);

/** True when `body` is a block holding nothing but one `throw` statement. */
function onlyThrows(body: ts.Node | undefined): boolean {
  if (body === undefined) return true; // a signature, not a definition
  if (!ts.isBlock(body)) return false; // an arrow's expression body computes something
  return body.statements.length === 1 && ts.isThrowStatement(body.statements[0]);
}

/** Definitions, in one code file, of a guarded name whose body is more than a throw: [name, line]. */
function definitionsIn(file: string, text: string, names: ReadonlySet<string>): [string, number, string][] {
  const kind = file.endsWith('x') ? ts.ScriptKind.TSX : /\.(js|mjs|cjs)$/.test(file) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const found: [string, number, string][] = [];
  const line = (n: ts.Node): number => source.getLineAndCharacterOfPosition(n.getStart(source)).line + 1;
  const isFn = (n: ts.Node | undefined): n is ts.FunctionExpression | ts.ArrowFunction => !!n && (ts.isFunctionExpression(n) || ts.isArrowFunction(n));
  const nameOf = (n: ts.PropertyName | ts.BindingName | undefined): string | undefined => (n && (ts.isIdentifier(n) || ts.isStringLiteral(n) || ts.isPrivateIdentifier(n)) ? n.text.replace(/^#/, '') : undefined);
  const visit = (node: ts.Node): void => {
    let name: string | undefined;
    let bad = false;
    let how = 'defines';
    if (ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isGetAccessorDeclaration(node)) {
      name = nameOf(node.name);
      bad = !onlyThrows(node.body);
    } else if ((ts.isVariableDeclaration(node) || ts.isPropertyAssignment(node) || ts.isPropertyDeclaration(node)) && isFn(node.initializer)) {
      name = nameOf(node.name);
      bad = !onlyThrows(node.initializer.body);
    } else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && isFn(node.right)) {
      const left = node.left;
      name = ts.isIdentifier(left) ? left.text : ts.isPropertyAccessExpression(left) ? left.name.text : undefined;
      bad = !onlyThrows(node.right.body);
    } else if (ts.isExportSpecifier(node) && node.propertyName && nameOf(node.propertyName) !== nameOf(node.name)) {
      name = nameOf(node.name);
      bad = true;
      how = 're-exports something else as';
    }
    if (name !== undefined && bad && names.has(name)) found.push([name, line(node), how]);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Base64 runs, number lists and byte strings that look like compiled code (WebAssembly or JavaScript). */
function compiledBlob(bytes: Buffer): string | undefined {
  if (bytes.indexOf(WASM_MAGIC) >= 0) return 'WebAssembly bytes (the module header)';
  const text = bytes.toString('utf8');
  if (text.includes(WASM_BASE64)) return 'a base64 WebAssembly module';
  if (/\\(?:0|x00|u0000)asm/.test(text)) return 'a WebAssembly header in a string (an escaped zero byte, then asm)';
  if (/\b0(?:x0+)?\s*,\s*(?:97|0x61)\s*,\s*(?:115|0x73)\s*,\s*(?:109|0x6d)\b/i.test(text)) return 'a WebAssembly header as a list of numbers';
  for (const m of text.matchAll(/[A-Za-z0-9+/]{400,}={0,2}/g)) {
    const decoded = Buffer.from(m[0], 'base64');
    if (decoded.indexOf(WASM_MAGIC) >= 0) return 'a base64 WebAssembly module';
    if (/\b(function|return|=>|for\s*\(|exports)\b/.test(decoded.toString('latin1'))) return 'base64-encoded code';
  }
  return undefined;
}

/**
 * Everything in `dir` (a starter kit, a grading runtime, an engine) that could give a student the
 * answer to an exercise of `exercises`, as human-readable findings (empty: nothing found). Skips
 * node_modules and .git.
 */
export function scanForAnswers(dir: string, exercises: readonly Exercise[]): string[] {
  const names = guarded(exercises);
  const guardedNames = new Set(names.keys());
  const stubs = new Map<string, string>(); // guarded name → the stub file it may be written in
  for (const [g, f] of names) stubs.set(g, exerciseFor(f, exercises)!.file);
  const keptOps = new Set(['params.ts', ...(names.has('outputSize') ? [] : ['output-size.ts'])]);
  const findings: string[] = [];

  const walk = (abs: string, rel: string): void => {
    for (const entry of readdirSync(abs, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === '.git') continue;
      const path = join(abs, entry.name);
      const r = rel ? `${rel}/${entry.name}` : entry.name;
      const segments = r.split('/');
      if (entry.isDirectory()) {
        if (entry.name === '.meta') findings.push(`${r}/: an exercise's .meta folder (spec and reference solution; graders only)`);
        else if (entry.name === 'fast') findings.push(`${r}/: the engine's fast path (compiled kernels of exercised ops)`);
        else if (entry.name === 'solutions' || entry.name === 'references') findings.push(`${r}/: a folder of ${entry.name}`);
        walk(path, r);
        continue;
      }
      if (!entry.isFile()) continue;
      if (segments.includes('exercises') && (entry.name === 'solution.ts' || entry.name === 'spec.ts')) findings.push(`${r}: an exercise ${entry.name.replace('.ts', '')} file`);
      if (segments.slice(0, -1).includes('ops') && !keptOps.has(entry.name)) findings.push(`${r}: an engine op (ops/ holds the readable reference of the exercises)`);
      if (entry.name.endsWith('.wasm')) findings.push(`${r}: a WebAssembly module`);
      if (statSync(path).size > MAX_BYTES) continue;
      const bytes = readFileSync(path);
      const blob = compiledBlob(bytes);
      if (blob) findings.push(`${r}: ${blob}`);
      if (bytes.includes(0)) continue; // binary
      const text = bytes.toString('utf8');
      if (CODE.test(entry.name)) {
        for (const [name, line, how] of definitionsIn(r, text, guardedNames)) {
          const own = stubs.get(name)!;
          if (how === 'defines' && (r === own || r.endsWith(`/${own}`))) continue; // the student's own stub file
          findings.push(`${r}:${line}: ${how} ${name}${name === names.get(name) ? '' : ` (the fast path of ${names.get(name)})`}, which exercise ${exerciseFor(names.get(name)!, exercises)!.id} asks for`);
        }
      } else if (!/\.(md|mdx)$/.test(entry.name)) {
        for (const name of guardedNames) {
          if (new RegExp(`function\\s+${name}\\s*\\(`).test(text) || new RegExp(`\\b${name}\\s*=\\s*(async\\s*)?(function\\b|\\([^)]*\\)\\s*(:[^=]*)?=>)`).test(text)) {
            findings.push(`${r}: holds source code defining ${name} (exercise ${exerciseFor(names.get(name)!, exercises)!.id})`);
          }
        }
      }
    }
  };
  if (!existsSync(dir)) throw new Error(`scanForAnswers: ${dir} does not exist`);
  walk(dir, '');
  return findings;
}
