/**
 * Code similarity per exercise, as MOSS does it: each file becomes a stream of tokens from
 * TypeScript's own scanner, with identifiers, literals, comments and whitespace reduced to their kind
 * (so renaming variables, rewording comments and reformatting change nothing), fingerprinted by
 * winnowing k-grams of tokens (@dodona/dolos-core, the index of the Dolos checker). Reordering
 * functions keeps every k-gram inside them. The starter code is indexed as ignored, so what every
 * student received (an untouched stub) never counts as shared.
 *
 * A pair's similarity is the fraction of both files' fingerprints they share (Dolos's measure): 1 for
 * the same code up to names and layout, near 0 for unrelated code. It is evidence to read, not a verdict:
 * short exercises leave little room to differ, and the side-by-side regions show what is shared.
 */
import ts from 'typescript';
import { File, FingerprintIndex, Region, TokenizedFile } from '@dodona/dolos-core';

/** k-gram length in tokens and winnowing window in k-grams (Dolos's defaults for its tree tokens are 23 and 17; scanner tokens are denser). */
export const KGRAM = 12;
export const WINDOW = 8;

/** A file's tokens (their kinds) and where each is, for dolos-core. */
export function tokenize(source: string): { tokens: string[]; mapping: Region[] } {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, /* skipTrivia */ true, ts.LanguageVariant.Standard, source);
  const lineStarts = [0];
  for (let i = 0; i < source.length; i++) if (source[i] === '\n') lineStarts.push(i + 1);
  let line = 0; // tokens come in order: the line only moves forward
  const at = (pos: number): [number, number] => {
    while (line + 1 < lineStarts.length && lineStarts[line + 1] <= pos) line++;
    return [line, pos - lineStarts[line]];
  };
  const tokens: string[] = [];
  const mapping: Region[] = [];
  const templates: number[] = []; // brace depths at which a template literal's `${` opened
  let depth = 0;
  let previous = ts.SyntaxKind.Unknown;
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    if (kind === ts.SyntaxKind.CloseBraceToken && templates.at(-1) === depth) {
      templates.pop();
      kind = scanner.reScanTemplateToken(false);
    } else if ((kind === ts.SyntaxKind.SlashToken || kind === ts.SyntaxKind.SlashEqualsToken) && !endsExpression(previous)) {
      kind = scanner.reScanSlashToken();
    }
    if (kind === ts.SyntaxKind.TemplateHead || kind === ts.SyntaxKind.TemplateMiddle) templates.push(depth);
    else if (kind === ts.SyntaxKind.OpenBraceToken) depth++;
    else if (kind === ts.SyntaxKind.CloseBraceToken) depth--;
    const [r0, c0] = at(scanner.getTokenStart());
    const [r1, c1] = at(scanner.getTokenEnd());
    tokens.push(tokenName(kind));
    mapping.push(new Region(r0, c0, r1, c1));
    previous = kind;
  }
  return { tokens, mapping };
}

/** Whether a `/` after `kind` divides (an expression ended) rather than starting a regular expression. */
function endsExpression(kind: ts.SyntaxKind): boolean {
  return (
    kind === ts.SyntaxKind.Identifier ||
    kind === ts.SyntaxKind.NumericLiteral ||
    kind === ts.SyntaxKind.StringLiteral ||
    kind === ts.SyntaxKind.CloseParenToken ||
    kind === ts.SyntaxKind.CloseBracketToken ||
    kind === ts.SyntaxKind.CloseBraceToken ||
    kind === ts.SyntaxKind.ThisKeyword ||
    kind === ts.SyntaxKind.TemplateTail ||
    kind === ts.SyntaxKind.NoSubstitutionTemplateLiteral ||
    kind === ts.SyntaxKind.PlusPlusToken ||
    kind === ts.SyntaxKind.MinusMinusToken
  );
}

/** A token's kind: names and literal values are dropped; keywords and punctuation stay. */
function tokenName(kind: ts.SyntaxKind): string {
  return KIND_NAMES.get(kind) ?? String(kind);
}

/** SyntaxKind's names, the first for each value (`ts.SyntaxKind[k]` gives aliases such as `FirstAssignment`). */
const KIND_NAMES = new Map<number, string>();
for (const [name, value] of Object.entries(ts.SyntaxKind)) if (typeof value === 'number' && !KIND_NAMES.has(value)) KIND_NAMES.set(value, name);

export interface SimilarFile {
  student: string;
  /** The file's path as the report shows it. */
  path: string;
  source: string;
}

export interface Region2 {
  /** 0-based line range, inclusive. */
  left: [number, number];
  right: [number, number];
}

export interface SimilarPair {
  exercise: string;
  left: string;
  right: string;
  /** Shared fraction of both files' fingerprints (0–1). */
  similarity: number;
  /** The longest run of shared fingerprints. */
  longest: number;
  /** Line ranges that match, for the side-by-side view. */
  regions: Region2[];
}

/**
 * Every pair of `files` (one exercise, one file per student) with its similarity, most similar first.
 * `starter` is the stub every student received: its fingerprints are ignored. Matching regions (the
 * costly part) are worked out for the `regionsFor` most similar pairs at or above `regionsFrom` only.
 */
export function comparePairs(exercise: string, files: readonly SimilarFile[], starter: string | null, regionsFrom = 0, regionsFor = Infinity): SimilarPair[] {
  if (files.length < 2) return [];
  const tokenized = files.map((f) => {
    const { tokens, mapping } = tokenize(f.source);
    return new TokenizedFile(new File(`${f.student}/${f.path}`, f.source), tokens, mapping);
  });
  const index = new FingerprintIndex(KGRAM, WINDOW, false);
  index.addFiles(tokenized);
  // After the students' files: dolos-core un-shares a fingerprint only in files indexed before the ignored file.
  if (starter !== null) {
    const { tokens, mapping } = tokenize(starter);
    index.addIgnoredFile(new TokenizedFile(new File('(starter code)', starter), tokens, mapping));
  }
  const student = new Map(tokenized.map((t, i) => [t, files[i].student]));
  const pairs = index
    .allPairs()
    .map((pair) => ({ pair, left: student.get(pair.leftFile)!, right: student.get(pair.rightFile)!, similarity: Math.round(pair.similarity * 1000) / 1000 }));
  pairs.sort((a, b) => b.similarity - a.similarity || a.left.localeCompare(b.left) || a.right.localeCompare(b.right));
  return pairs.map(({ pair, left, right, similarity }, rank): SimilarPair => {
    const fragments = similarity > 0 && similarity >= regionsFrom && rank < regionsFor ? pair.buildFragments() : [];
    return {
      exercise,
      left,
      right,
      similarity,
      longest: pair.longest,
      regions: fragments.map((f) => ({
        left: [f.leftSelection.startRow, f.leftSelection.endRow],
        right: [f.rightSelection.startRow, f.rightSelection.endRow],
      })),
    };
  });
}
