// The InnoDB tablespace reader (file-per-table .ibd, MariaDB 10.11 / MySQL page format),
// validated against the engine's own INNODB_BUFFER_PAGE and innodb_index_stats.
export { InnodbFormatError, type InnodbFormatProblem } from './innodb-format-error.js';
export { crc32c } from './crc32c.js';
export { checkPageChecksum, type InnodbChecksumResult } from './innodb-checksum.js';
export { decodeSpaceFlags, type InnodbSpaceFlags } from './innodb-space-flags.js';
export { readInnodbTablespace, type IbdTablespace, type InnodbPageInfo, type InnodbReadOptions } from './innodb-tablespace.js';
export { readClusteredIndex, type InnodbClusteredIndex, type InnodbIndexPage, type InnodbLeaf, type InnodbIndexOptions } from './innodb-clustered-index.js';
export { waitForPurge, withExportedTablespace, bufferPoolIndexPages, readTableWhole, indexStatsPages } from './innodb-engine-view.js';
