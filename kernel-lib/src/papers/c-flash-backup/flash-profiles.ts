/**
 * Named flash timing profiles, read from data/c-flash-backup/flash-profiles.json (each field
 * carries its source there): an early-1990s NAND part and a modern 3D TLC part.
 */
import { loadJson } from '../../core/data-path.js';
import { requireOneOf } from '../../core/validate.js';
import { validateFlashProfile, type FlashProfile } from '../../hardware/flash-chip.js';

export const FLASH_PROFILE_NAMES = ['era-nand-1992', 'modern-tlc-2022'] as const;
export type FlashProfileName = (typeof FLASH_PROFILE_NAMES)[number];

interface ProfileFile {
  profiles: Record<string, Omit<FlashProfile, 'name'> & { source: Record<string, string> }>;
}

/** The profile called `name`; throws a ParameterError for an unknown name. */
export function flashProfile(name: string): FlashProfile {
  requireOneOf('flashProfile', name, FLASH_PROFILE_NAMES);
  const file = loadJson<ProfileFile>('c-flash-backup', 'flash-profiles.json');
  const p = file.profiles[name];
  const { source: _source, ...fields } = p;
  return validateFlashProfile({ name, ...fields });
}

/** The source text of every field of a profile (for the notebook's input table). */
export function flashProfileSources(name: string): Record<string, string> {
  requireOneOf('flashProfile', name, FLASH_PROFILE_NAMES);
  return loadJson<ProfileFile>('c-flash-backup', 'flash-profiles.json').profiles[name].source;
}
