/** A URL's query as an object; a repeated parameter (`?q=a&q=b`) counts once, with its first value. */
export function queryParams(url: string): Record<string, string> {
  const params = new URL(url).searchParams;
  return Object.fromEntries([...new Set(params.keys())].map((key) => [key, params.get(key)!]));
}
