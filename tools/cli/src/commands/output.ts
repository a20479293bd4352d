/** Results on stdout (pipeable), notes for people on stderr. */
export interface Output {
  line(text: string): void;
  json(value: unknown): void;
  table(headers: string[], rows: string[][]): void;
  note(text: string): void;
}

export const consoleOutput: Output = {
  line: (text) => void process.stdout.write(`${text}\n`),
  json: (value) => void process.stdout.write(`${JSON.stringify(value, null, 2)}\n`),
  table: (headers, rows) => {
    const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)));
    for (const row of [headers, ...rows])
      process.stdout.write(
        `${row
          .map((cell, column) => cell.padEnd(widths[column] ?? 0))
          .join('  ')
          .trimEnd()}\n`,
      );
  },
  note: (text) => void process.stderr.write(`${text}\n`),
};
