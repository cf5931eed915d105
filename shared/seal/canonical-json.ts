/**
 * RFC 8785 JSON Canonicalization Scheme (JCS): the one byte sequence a signature is computed over, so that a
 * verifier rebuilding the JSON elsewhere (another version, another language) gets the same bytes.
 *
 * - object keys sorted by their UTF-16 code units (what Array.prototype.sort does with no comparator),
 * - numbers as ECMAScript prints them (Number.prototype.toString is exactly the JCS algorithm; -0 becomes 0),
 * - strings escaped as JSON.stringify does (lowercase \u00xx for controls, nothing else escaped),
 * - no whitespace.
 * Properties whose value is undefined are left out, as JSON.stringify does, so optional fields hash the same
 * whether absent or undefined. NaN, Infinity, bigint, functions and symbols are not JSON: they throw.
 * Lone surrogates (not I-JSON) are escaped the ES2019 way (\udxxx) rather than rejected: still deterministic.
 */
export function canonicalJson(value: unknown): string {
  return write(value);
}

// Plain loops and string concatenation: this runs over every cell of a 20,000-row snapshot on each export.
function write(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`JCS cannot represent the number ${value}`);
      return Object.is(value, -0) ? '0' : String(value);
    case 'string':
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) {
          if (i > 0) out += ',';
          // As JSON.stringify: an undefined array element is null, so indexes keep their meaning.
          out += value[i] === undefined ? 'null' : write(value[i]);
        }
        return `${out}]`;
      }
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record).sort();
      let out = '{';
      let first = true;
      for (const key of keys) {
        const item = record[key];
        if (item === undefined) continue;
        out += `${first ? '' : ','}${JSON.stringify(key)}:${write(item)}`;
        first = false;
      }
      return `${out}}`;
    }
    default:
      throw new TypeError(`JCS cannot represent a value of type ${typeof value}`);
  }
}
