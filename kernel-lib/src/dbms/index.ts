// Shared layer: B+Tree with InnoDB page placement, update sniffer, buffer pool. Named exports only.
export {
  nodePointerCapacity,
  LeafDirectory,
} from './btree-directory.js';
export {
  ClusteredBtree,
  type ClusteredBtreeOptions,
  type BtreeStats,
} from './btree.js';
export {
  NO_EVICTION,
  LruBufferPool,
  type BufferPoolStats,
  type LruBufferPoolOptions,
} from './buffer-pool.js';
export {
  FSP_EXTENT_PAGES,
  FSEG_FRAG_LIMIT,
  FSEG_FILLFACTOR,
  FSEG_FREE_LIST_LIMIT,
  FSEG_FREE_LIST_MAX_LEN,
  FSP_FREE_ADD,
  XDES_PAGES_PER_CHUNK,
  InnodbTablespace,
  type FspDirection,
  type FspStats,
} from './innodb-fsp.js';
export {
  INNODB_PAGE,
  T1_COLUMNS,
  compactClusteredRecordBytes,
  pageUsableBytes,
  maxInsertBytes,
  leafPageLayout,
  type InnodbColumn,
  type LeafPageLayout,
} from './innodb-row-format.js';
export {
  LEFTMOST_LOW_KEY,
  LOW_KEY_UNCHANGED,
  RecordingSniffer,
  TeeSniffer,
  SnifferEventLog,
  type UpdateSniffer,
  type SnifferEvent,
} from './update-sniffer.js';
