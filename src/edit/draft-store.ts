import { readFile, rm } from 'node:fs/promises';
import { writeFileAtomic } from '../ground/write-file-atomic.js';
import { parseEdits, type FieldEdit } from './field-edit.js';

/** Unsaved edits, kept beside the profile until they are saved, so a reload or a restart loses none. */
export interface Draft {
  /** The profile's text the edits were made on (to show what changed on disk meanwhile). */
  base: string;
  edits: FieldEdit[];
}

export const draftPath = (profile: string): string => `${profile}.lexgap-draft.json`;

export async function readDraft(profile: string): Promise<Draft | undefined> {
  try {
    const raw = JSON.parse(await readFile(draftPath(profile), 'utf8')) as { lexgapDraft?: number; base?: unknown; edits?: unknown };
    const edits = parseEdits(raw.edits);
    if (raw.lexgapDraft !== 1 || typeof raw.base !== 'string' || !edits) return undefined;
    return { base: raw.base, edits };
  } catch {
    return undefined; // none, or not ours: start from the file
  }
}

export async function writeDraft(profile: string, draft: Draft): Promise<void> {
  if (draft.edits.length === 0) return removeDraft(profile);
  await writeFileAtomic(draftPath(profile), JSON.stringify({ lexgapDraft: 1, note: 'unsaved edits from lexgap edit; removed when they are saved', base: draft.base, edits: draft.edits }) + '\n');
}

export async function removeDraft(profile: string): Promise<void> {
  await rm(draftPath(profile), { force: true });
}
