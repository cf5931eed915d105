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
  const keys = new Set<string>();
  // JSON.stringify writes an object's properties in the order of a property list: given every key, sorted, it
  // writes JCS — several times faster than the loop below, which stays for what it cannot be trusted with.
  return plainJson(value, keys) && !keys.has('__proto__') ? JSON.stringify(value, [...keys].sort()) : write(value);
}

/**
 * Gathers every object key into `keys`; false where JSON.stringify would write something else than write()
 * (a toJSON method, a boxed value or a class instance). Throws as write() does for what is not JSON.
 */
function plainJson(value: unknown, keys: Set<string>): boolean {
  if (value === null) return true;
  switch (typeof value) {
    case 'boolean':
    case 'string':
      return true;
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`JCS cannot represent the number ${value}`);
      return true;
    case 'object': {
      const proto: unknown = Object.getPrototypeOf(value);
      if ((value as { toJSON?: unknown }).toJSON !== undefined) return false;
      if (Array.isArray(value)) {
        if (proto !== Array.prototype) return false;
        for (let i = 0; i < value.length; i++) if (value[i] !== undefined && !plainJson(value[i], keys)) return false;
        return true;
      }
      if (proto !== Object.prototype && proto !== null) return false;
      const record = value as Record<string, unknown>;
      for (const key of Object.keys(record)) {
        keys.add(key);
        if (record[key] !== undefined && !plainJson(record[key], keys)) return false;
      }
      return true;
    }
    default:
      throw new TypeError(`JCS cannot represent a value of type ${typeof value}`);
  }
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
