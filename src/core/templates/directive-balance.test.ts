import { describe, expect, it } from 'vitest';
import { checkDirectiveBalance } from './directive-balance';

describe('checkDirectiveBalance', () => {
  it('accepts balanced templates, whatever the spelling', () => {
    for (const template of [
      '#if($a)x#elseif($b)y#else z#end',
      '#{if}($a)x#{else}y#{end}',
      '#foreach($i in $l)#if($i)#end#end',
      '#macro(m $a)$a#end#m(1)',
      '#define($block)x#end$block',
      '#@wrap()body#end',
      // #end in plain text (here inside JSON quotes) is still a directive in Velocity.
      '#if($x) {"note": "until #end"}',
    ])
      expect(checkDirectiveBalance(template), template).toBeUndefined();
  });

  it('skips comments, raw blocks, escapes and quoted arguments', () => {
    expect(
      checkDirectiveBalance('## #end\n#* #if($x) *#\n#[[ #end ]]#\n\\#end \\\\#if($a)#end\n#set($a = ")#end")$b.c("#end", \')\')'),
    ).toBeUndefined();
  });

  it('names the block without #end, with its position', () => {
    expect(checkDirectiveBalance('a\n  #foreach($x in $y)\n    #if($x)\n    #end\n')).toEqual({
      line: 2,
      column: 3,
      message: '#foreach (line 2) has no #end',
    });
  });

  it('finds a stray #end and an #else outside #if', () => {
    expect(checkDirectiveBalance('#if($a)#end\n#end')).toMatchObject({
      line: 2,
      column: 1,
      message: expect.stringContaining('#end has no'),
    });
    expect(checkDirectiveBalance('#foreach($a in $b)#else#end')).toMatchObject({ message: '#else is not inside an #if' });
  });

  it('finds unclosed comments and raw blocks', () => {
    expect(checkDirectiveBalance('ok\n#* never closed')).toMatchObject({ line: 2, message: expect.stringContaining('never closed') });
    expect(checkDirectiveBalance('#[[ raw')).toMatchObject({ line: 1, message: expect.stringContaining('never closed') });
  });

  it('does not take #ifx, #endless or #if without parentheses for directives', () => {
    expect(checkDirectiveBalance('#ifx($a) #endless #if text')).toBeUndefined();
  });
});
