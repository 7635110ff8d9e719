import { test } from 'node:test';
import assert from 'node:assert/strict';
import { replicationPipelineFlags, PAPER_A_CONFIGS } from '../../../src/papers/a-replication/replication-pipeline.js';

test('the four paper configurations (§5.2)', () => {
  assert.deepEqual([...PAPER_A_CONFIGS], ['default', 'lazy', 'share', 'lazy share']);
  assert.deepEqual(replicationPipelineFlags('lazy share'), { fullCopy: false, lazy: true, share: true, sharedStorage: false, fork: false });
  assert.deepEqual(replicationPipelineFlags('default'), { fullCopy: true, lazy: false, share: false, sharedStorage: false, fork: false });
});

test('unknown configuration name is rejected with the valid names', () => {
  assert.throws(() => replicationPipelineFlags('eager'), /config = "eager" is out of range: must be one of "default", "lazy", "share", "lazy share"/);
});
