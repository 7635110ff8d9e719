/**
 * The one error type of the InnoDB tablespace reader: a file that is not a readable
 * file-per-table tablespace, or a page inside it that breaks InnoDB's on-disk format (MariaDB
 * 10.11 storage/innobase: fil0fil.h, fsp0fsp.h, page0page.h, buf0buf.cc). It names the file, the
 * page (0-based, as InnoDB numbers pages; null when no page applies) and what was wrong.
 */
export type InnodbFormatProblem =
  | 'not-a-file'
  | 'io'
  | 'truncated'
  | 'zeroed'
  | 'checksum'
  | 'page-number'
  | 'space-id'
  | 'wrong-type'
  | 'cycle'
  | 'structure'
  | 'unsupported';

export class InnodbFormatError extends Error {
  /** Path of the tablespace file. */
  readonly file: string;
  /** 0-based page number where the problem was found, or null. */
  readonly page: number | null;
  /** The kind of problem, for callers that branch on it. */
  readonly problem: InnodbFormatProblem;
  /** What was wrong, in a sentence. */
  readonly reason: string;
  constructor(file: string, page: number | null, problem: InnodbFormatProblem, reason: string) {
    super(`${file}: ${page === null ? '' : `page ${page}: `}${reason}`);
    this.name = 'InnodbFormatError';
    this.file = file;
    this.page = page;
    this.problem = problem;
    this.reason = reason;
  }
}
