import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../shared/seal/canonical-json';

/** The IEEE-754 double with the given bit pattern. */
function double(hex: string): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, BigInt(`0x${hex}`));
  return view.getFloat64(0);
}

describe('canonicalJson (RFC 8785)', () => {
  // RFC 8785 Appendix B, "Number Serialization Samples".
  const numbers: [string, string][] = [
    ['0000000000000000', '0'],
    ['8000000000000000', '0'],
    ['0000000000000001', '5e-324'],
    ['8000000000000001', '-5e-324'],
    ['7fefffffffffffff', '1.7976931348623157e+308'],
    ['ffefffffffffffff', '-1.7976931348623157e+308'],
    ['4340000000000000', '9007199254740992'],
    ['c340000000000000', '-9007199254740992'],
    ['4430000000000000', '295147905179352830000'],
    ['44b52d02c7e14af5', '9.999999999999997e+22'],
    ['44b52d02c7e14af6', '1e+23'],
    ['44b52d02c7e14af7', '1.0000000000000001e+23'],
    ['444b1ae4d6e2ef4e', '999999999999999700000'],
    ['444b1ae4d6e2ef4f', '999999999999999900000'],
    ['444b1ae4d6e2ef50', '1e+21'],
    ['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'],
    ['3eb0c6f7a0b5ed8d', '0.000001'],
    ['41b3de4355555553', '333333333.3333332'],
    ['41b3de4355555554', '333333333.33333325'],
    ['41b3de4355555555', '333333333.3333333'],
    ['41b3de4355555556', '333333333.3333334'],
    ['41b3de4355555557', '333333333.33333343'],
    ['becbf647612f3696', '-0.0000033333333333333333'],
    ['43143ff3c1cb0959', '1424953923781206.2'],
  ];
  it.each(numbers)('serializes the double 0x%s as %s', (hex, expected) => {
    expect(canonicalJson(double(hex))).toBe(expected);
  });

  it.each([['7fffffffffffffff'], ['7ff0000000000000']])('refuses the non-finite double 0x%s', (hex) => {
    expect(() => canonicalJson(double(hex))).toThrow(TypeError);
  });

  it('matches the example of section 3.2.2', () => {
    const input = JSON.parse(
      '{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],' +
        ' "string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/", "literals": [null, true, false]}',
    );
    expect(canonicalJson(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it('sorts properties by UTF-16 code units (section 3.2.3)', () => {
    const input = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    const order = Object.values(JSON.parse(canonicalJson(input)) as Record<string, string>);
    // JSON.parse reorders the integer-like key "1"; read the order from the text instead.
    const text = canonicalJson(input);
    const positions = Object.entries(input)
      .map(([key, value]) => ({ value, at: text.indexOf(JSON.stringify(key)) }))
      .sort((a, b) => a.at - b.at)
      .map((p) => p.value);
    expect(order).toHaveLength(7);
    expect(positions).toEqual([
      'Carriage Return',
      'One',
      'Control',
      'Latin Small Letter O With Diaeresis',
      'Euro Sign',
      'Emoji: Grinning Face',
      'Hebrew Letter Dalet With Dagesh',
    ]);
    expect(text.startsWith('{"\\r":"Carriage Return","1":"One","\u0080":"Control"')).toBe(true);
  });

  it('sorts nested objects, keeps array order, drops undefined properties and has no whitespace', () => {
    expect(canonicalJson({ b: [3, { z: 1, a: undefined, m: 'x' }], a: { d: null, c: true } })).toBe(
      '{"a":{"c":true,"d":null},"b":[3,{"m":"x","z":1}]}',
    );
  });

  it('gives the same text for a snapshot whatever the key order it was built in', () => {
    const a = { office: '叶县', rows: [{ seq: '1', task: '任务' }], revision: 1 };
    const b = { revision: 1, rows: [{ task: '任务', seq: '1' }], office: '叶县' };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
  });
});

describe('canonicalJson, by JSON.stringify with every key as its property list', () => {
  /** The element-by-element writer the fast path stands in for, rebuilt here as the reference. */
  function reference(value: unknown): string {
    if (value === null || typeof value !== 'object') return JSON.stringify(value);
    if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : reference(v))).join(',')}]`;
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).filter((k) => record[k] !== undefined).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${reference(record[k])}`).join(',')}}`;
  }

  it('writes what the reference writes, for keys shared and not shared across objects, integer-like keys included', () => {
    const value = {
      z: [{ b: 1, a: 2, '10': 'x', '9': 'y' }, { c: -0, a: [1, undefined, { y: '\ud800', x: 'ü' }] }],
      a: { b: { a: { b: null } } },
      m: { '': 'empty', ' ': 'space', A: 'upper', a: 'lower', 中: '文' },
    };
    expect(canonicalJson(value)).toBe(reference(value));
    expect(canonicalJson(value)).toBe('{"a":{"b":{"a":{"b":null}}},"m":{"":"empty"," ":"space","A":"upper","a":"lower","中":"文"},"z":[{"10":"x","9":"y","a":2,"b":1},{"a":[1,null,{"x":"ü","y":"\\ud800"}],"c":0}]}');
  });

  it('does not let JSON.stringify call toJSON, unbox values or read an inherited __proto__', () => {
    expect(canonicalJson({ d: new Date(0) })).toBe('{"d":{}}');
    expect(canonicalJson({ s: Object('x') as object })).toBe('{"s":{"0":"x"}}');
    const withProto = JSON.parse('[{"__proto__":1},{"a":2}]') as unknown;
    expect(canonicalJson(withProto)).toBe('[{"__proto__":1},{"a":2}]');
  });

  it('still refuses what is not JSON, wherever it is', () => {
    expect(() => canonicalJson({ a: [1, { b: Number.NaN }] })).toThrow(TypeError);
    expect(() => canonicalJson({ a: () => 1 })).toThrow(TypeError);
    expect(() => canonicalJson([1n])).toThrow(TypeError);
  });
});
