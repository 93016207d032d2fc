import { describe, expect, it } from 'vitest';
import { base64Decode, base64Encode, callUtil, escapeJavaScript, urlDecode, urlEncode } from './util-variable';

describe('$util', () => {
  it('escapeJavaScript escapes as Commons Lang does: quotes, backslash, slash, controls, non-ASCII as \\uXXXX', () => {
    expect(escapeJavaScript(`it's "x" \\ a/b`)).toBe(`it\\'s \\"x\\" \\\\ a\\/b`);
    expect(escapeJavaScript('tab\tnl\ncr\rbs\bff\f\u0001')).toBe('tab\\tnl\\ncr\\rbs\\bff\\f\\u0001');
    expect(escapeJavaScript('é€😀')).toBe('\\u00E9\\u20AC\\uD83D\\uDE00');
    expect(escapeJavaScript('plain <tag> & ~')).toBe('plain <tag> & ~');
  });

  it('urlEncode is Java URLEncoder (UTF-8): space as +, letters, digits and .-*_ kept, the rest %XX', () => {
    expect(urlEncode("a b&c=d/é*._-~!'()")).toBe('a+b%26c%3Dd%2F%C3%A9*._-%7E%21%27%28%29');
    expect(urlEncode('x=a+b')).toBe('x%3Da%2Bb');
  });

  it('urlDecode is Java URLDecoder: + is a space, %XX bytes as UTF-8; a broken escape is an error', () => {
    expect(urlDecode('a+b%26c%3D%C3%A9')).toBe('a b&c=é');
    expect(() => urlDecode('100%')).toThrow('is not a %XX escape');
    expect(() => urlDecode('%zz')).toThrow('is not a %XX escape');
  });

  it('base64Encode/base64Decode round-trip the UTF-8 bytes, padded', () => {
    for (const text of ['', 'a', 'ab', 'abc', 'héllo wörld', '😀']) expect(base64Decode(base64Encode(text))).toBe(text);
    expect(base64Encode('héllo')).toBe('aMOpbGxv');
    expect(base64Encode('ab')).toBe('YWI=');
    expect(base64Decode('YWI=')).toBe('ab');
    expect(() => base64Decode('not base64!')).toThrow('not Base64');
  });

  it('parseJson gives template values; text that is not JSON is an error saying so', () => {
    const parsed = callUtil('parseJson', ['{"a": [1, 2]}'], { maxJsonDepth: 10 });
    expect(parsed.found && JSON.stringify(parsed.value)).toBe('{"a":[1,2]}');
    expect(() => callUtil('parseJson', ['{nope'], { maxJsonDepth: 10 })).toThrow('$util.parseJson: the text is not JSON');
  });

  it('null gives null, other values their Java text; unknown functions are not found', () => {
    expect(callUtil('escapeJavaScript', [null], { maxJsonDepth: 10 })).toEqual({ found: true, value: undefined });
    expect(callUtil('urlEncode', [12], { maxJsonDepth: 10 })).toEqual({ found: true, value: '12' });
    expect(callUtil('qr', ['x'], { maxJsonDepth: 10 })).toEqual({ found: false });
    expect(callUtil('escapeJavaScript', ['a', 'b'], { maxJsonDepth: 10 })).toEqual({ found: false });
  });
});
