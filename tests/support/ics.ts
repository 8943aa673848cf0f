/** One content line of an iCalendar file (RFC 5545 §3.1), unfolded. */
type IcsLine = { name: string; params: Record<string, string>; value: string };

/**
 * A small RFC 5545 reader for tests: checks the CRLF line ends and the 75-octet folding, unfolds, and splits
 * each line into name, parameters and value. `get` returns the first value of a property, `all` every one.
 */
export function parseIcs(text: string) {
  if (!text.endsWith("\r\n") || /[^\r]\n/.test(text)) throw new Error("lines must end with CRLF");
  const physical = text.slice(0, -2).split("\r\n");
  for (const line of physical) {
    if (Buffer.byteLength(line, "utf8") > 75) throw new Error(`line longer than 75 octets: ${line}`);
  }
  const unfolded: string[] = [];
  for (const line of physical) {
    if (/^[ \t]/.test(line) && unfolded.length > 0) unfolded[unfolded.length - 1] += line.slice(1);
    else unfolded.push(line);
  }
  const lines: IcsLine[] = unfolded.map((line) => {
    const colon = line.search(/:(?=(?:[^"]*"[^"]*")*[^"]*$)/);
    const [head, value] = [line.slice(0, colon), line.slice(colon + 1)];
    // Parameters are split on the semicolons outside quoted values; a quoted value loses its quotes.
    const [name, ...params] = head.match(/(?:[^;"]|"[^"]*")+/g) ?? [head];
    return {
      name: name!.toUpperCase(),
      params: Object.fromEntries(
        params.map((param) => {
          const equals = param.indexOf("=");
          return [param.slice(0, equals).toUpperCase(), param.slice(equals + 1).replace(/^"(.*)"$/, "$1")];
        }),
      ),
      value,
    };
  });
  return {
    lines,
    get: (name: string) => lines.find((line) => line.name === name)?.value,
    all: (name: string) => lines.filter((line) => line.name === name).map((line) => line.value),
  };
}
