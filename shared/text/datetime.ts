/**
 * A moment as people read it: 2026年12月2日 08:57, in the computer's own time zone. Stored times are ISO in
 * UTC ("2026-12-02T00:57:16.059Z"), which no clerk should have to read. Text that is not a time passes through.
 */
export function localDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}年${date.getMonth() + 1}月${date.getDate()}日 ${two(date.getHours())}:${two(date.getMinutes())}`;
}
