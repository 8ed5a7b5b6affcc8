/**
 * Up to two initials: first letters of the first and last word
 * ("Anna de Vries" → "AV"), as a person shows them on the canvas and in exports.
 */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = words[0]?.[0] ?? '?';
  const last = words.length > 1 ? (words[words.length - 1]?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}
