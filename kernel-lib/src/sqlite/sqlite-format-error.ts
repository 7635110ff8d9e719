/**
 * The one error type of the SQLite file reader: a file that is not a readable SQLite database,
 * or a structure inside it that breaks the file format (SQLite "Database File Format",
 * https://www.sqlite.org/fileformat2.html). It names the file, the page (1-based, as SQLite
 * numbers pages; `null` when no page applies, e.g. the file cannot be opened) and what was wrong.
 */
export class SqliteFormatError extends Error {
  /** Path of the database file. */
  readonly file: string;
  /** 1-based page number where the problem was found, or null. */
  readonly page: number | null;
  /** What was wrong, in a sentence. */
  readonly reason: string;
  constructor(file: string, page: number | null, reason: string) {
    super(`${file}: ${page === null ? '' : `page ${page}: `}${reason}`);
    this.name = 'SqliteFormatError';
    this.file = file;
    this.page = page;
    this.reason = reason;
  }
}
