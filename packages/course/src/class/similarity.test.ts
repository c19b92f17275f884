/**
 * Similarity on exercise 02 with hand-made submissions (test-fixtures/similarity/): ann's solution;
 * ben's, which is ann's with every identifier renamed, the comments changed, the helper moved below
 * and the layout changed; cat's, an independent correct solution (padding first, flat offsets); and
 * two untouched stubs.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { comparePairs, tokenize } from './similarity.ts';

const fixture = (name: string): string => readFileSync(join(import.meta.dirname, '..', '..', 'test-fixtures', 'similarity', `${name}.ts`), 'utf8');
const stub = readFileSync(join(import.meta.dirname, '..', '..', '..', '..', 'exercises', '02-conv-forward', 'conv-forward.ts'), 'utf8');
const file = (student: string, source: string) => ({ student, path: 'conv-forward.ts', source });

describe('tokenize', () => {
  it('keeps the kinds of tokens: names, literals, comments and layout do not change them', () => {
    const a = tokenize('const total = 1 + f(x); // sum\n');
    const b = tokenize('let   s=2+g( y ) /* other */;');
    expect(a.tokens).toEqual([
      'ConstKeyword',
      'Identifier',
      'EqualsToken',
      'NumericLiteral',
      'PlusToken',
      'Identifier',
      'OpenParenToken',
      'Identifier',
      'CloseParenToken',
      'SemicolonToken',
    ]);
    expect(b.tokens.slice(1)).toEqual(a.tokens.slice(1));
    expect(a.mapping[1]).toMatchObject({ startRow: 0, startCol: 6, endRow: 0, endCol: 11 });
  });
  it('reads template literals and regular expressions as single tokens', () => {
    expect(tokenize('const s = `a${b}c${d}e`;').tokens).toEqual([
      'ConstKeyword',
      'Identifier',
      'EqualsToken',
      'TemplateHead',
      'Identifier',
      'TemplateMiddle',
      'Identifier',
      'TemplateTail',
      'SemicolonToken',
    ]);
    expect(tokenize('const r = /a\\/b/g; const q = x / y;').tokens).toEqual([
      'ConstKeyword',
      'Identifier',
      'EqualsToken',
      'RegularExpressionLiteral',
      'SemicolonToken',
      'ConstKeyword',
      'Identifier',
      'EqualsToken',
      'Identifier',
      'SlashToken',
      'Identifier',
      'SemicolonToken',
    ]);
  });
});

describe('comparePairs on 02-conv-forward', () => {
  const pairs = comparePairs(
    '02-conv-forward',
    [file('ann', fixture('ann')), file('ben', fixture('ben')), file('cat', fixture('cat')), file('dan', stub), file('eve', stub)],
    stub,
  );
  const sim = (a: string, b: string): number => pairs.find((p) => (p.left === a && p.right === b) || (p.left === b && p.right === a))!.similarity;

  it('scores the renamed, recommented, reordered, reformatted copy high, and puts it first', () => {
    expect(sim('ann', 'ben')).toBeGreaterThanOrEqual(0.8);
    expect([pairs[0].left, pairs[0].right].sort()).toEqual(['ann', 'ben']);
    expect(pairs[0].regions.length).toBeGreaterThan(0);
    // The shared regions reach into the loops (ann's lines 19–32, 0-based).
    expect(
      pairs[0].regions.some((r) => {
        const [a, b] = pairs[0].left === 'ann' ? r.left : r.right;
        return a <= 25 && b >= 25;
      }),
    ).toBe(true);
  });
  it('scores two independent correct solutions well below the copy', () => {
    expect(sim('ann', 'cat')).toBeLessThan(0.5);
    expect(sim('ben', 'cat')).toBeLessThan(0.5);
    expect(sim('ann', 'cat')).toBeLessThan(sim('ann', 'ben') - 0.3);
  });
  it('never pairs untouched stubs, with each other or with anyone', () => {
    expect(sim('dan', 'eve')).toBe(0);
    for (const s of ['ann', 'ben', 'cat']) expect(sim('dan', s)).toBe(0);
  });
  it('without subtracting the starter code, two untouched stubs are identical (why it is subtracted)', () => {
    expect(comparePairs('02', [file('dan', stub), file('eve', stub)], null)[0].similarity).toBe(1);
  });
});
