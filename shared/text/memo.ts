/**
 * A pure function of one string, remembered for the strings last met: tables repeat their phrases from row
 * to row (an indicator's name, a unit's words). What is remembered is shared by every caller, so it must
 * never be changed after it is made. The memory is emptied whole when it holds `limit` strings: a bound on
 * memory, cheaper than keeping an order of use. Texts longer than `longest` are not kept: they seldom
 * repeat, and keeping them would hold megabytes after the table is gone.
 */
export function memoised<T>(make: (text: string) => T, limit = 4096, longest = 2000): (text: string) => T {
  const known = new Map<string, T>();
  return (text) => {
    if (text.length > longest) return make(text);
    const hit = known.get(text);
    if (hit !== undefined || known.has(text)) return hit as T;
    if (known.size >= limit) known.clear();
    const made = make(text);
    known.set(text, made);
    return made;
  };
}

/**
 * memoised, for a value made from more than its key (the key names all it is made from): `make` is called
 * only when the key is not remembered.
 */
export function keyed<T>(limit = 4096, longest = 2000): (key: string, make: () => T) => T {
  const known = new Map<string, T>();
  return (key, make) => {
    if (key.length > longest) return make();
    const hit = known.get(key);
    if (hit !== undefined || known.has(key)) return hit as T;
    if (known.size >= limit) known.clear();
    const made = make();
    known.set(key, made);
    return made;
  };
}

/**
 * memoised for texts some of which come again and again among many that come once (a goal's standing
 * sentences among "第12项：…"): when full, what was met since the last time is kept as an older
 * generation, and a text met there is brought back, so a flood of new texts does not push out the ones
 * that repeat. At most 2 × `limit` texts are kept. A value `keep` refuses is not kept: the reading of a
 * text that gives nothing ("第12项：开展…。", new in every row) would only push out those that repeat.
 */
export function generational<T extends object>(make: (text: string) => T, limit = 4096, longest = 2000, keep: (made: T) => boolean = () => true): (text: string) => T {
  let known = new Map<string, T>();
  let older = new Map<string, T>();
  return (text) => {
    if (text.length > longest) return make(text);
    // What is made is an object, never undefined: a miss needs no second question.
    const hit = known.get(text);
    if (hit !== undefined) return hit;
    let made = older.get(text);
    if (made === undefined) {
      made = make(text);
      if (!keep(made)) return made;
    }
    if (known.size >= limit) {
      older = known;
      known = new Map();
    }
    known.set(text, made);
    return made;
  };
}
