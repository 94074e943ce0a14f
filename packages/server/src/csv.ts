/** CSV exports that spreadsheet programs open safely and in every language. */

/** Spreadsheet programs run cells that start with these as formulas; a leading quote makes them text. */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A whole CSV file from rows of cells, CRLF line ends as RFC 4180 asks. */
export function csvDocument(rows: readonly (readonly string[])[]): string {
  // The BOM tells spreadsheet programs the file is UTF-8, so Hmong and Arabic text opens intact.
  return '\uFEFF' + rows.map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
