import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { countErrors, sortFindings } from '../findings/finding.js';
import type { FrameworkCatalogue } from '../framework/framework-catalogue.js';
import type { Framework } from '../framework/types.js';
import { checkProfile } from '../profile/check-profile.js';
import { score } from '../scoring/score.js';
import type { Assessment } from '../scoring/types.js';
import { today } from '../ground/today.js';
import { writeFileAtomic } from '../ground/write-file-atomic.js';
import { parseYaml } from '../yaml/parse-yaml.js';
import { readSource } from '../yaml/read-source.js';
import { applyEdits, EditError } from './apply-edits.js';
import { readDraft, removeDraft, writeDraft } from './draft-store.js';
import { fieldDiff, valueAt } from './field-diff.js';
import type { FieldEdit, FieldPath } from './field-edit.js';
import { findingPaths } from './finding-paths.js';
import { profileKeyOrder } from './profile-key-order.js';
import type { WireConflictField, WireSave, WireState } from './wire.js';

const hash = (text: string) => createHash('sha256').update(text).digest('hex');
const dataOf = (text: string): unknown => parseYaml('profile', text).parsed.data;
const overlaps = (a: FieldPath, b: FieldPath) => a.slice(0, Math.min(a.length, b.length)).every((s, i) => String(s) === String(b[i]));

/**
 * One profile open in the workbench: the text as loaded, the user's edits on it (kept beside the
 * profile until saved), and what `validate` and the scorer say of the result. Writes only `file`
 * and its draft.
 */
export class WorkbenchSession {
  private edits: FieldEdit[] = [];
  private lastAssessment: Assessment | null = null;
  private notice: string | undefined;
  restoredDraft = false;

  private constructor(
    readonly file: string,
    readonly framework: Framework,
    private readonly catalogue: FrameworkCatalogue,
    /** The text the edits apply to: the file as loaded (or as init would write it). */
    private base: string,
    /** Whether `base` is what was on disk; false for a profile not yet written. */
    private baseOnDisk: boolean,
  ) {}

  static async open(file: string, catalogue: FrameworkCatalogue, framework: Framework, initial: { text: string; onDisk: boolean }): Promise<WorkbenchSession> {
    const session = new WorkbenchSession(file, framework, catalogue, initial.text, initial.onDisk);
    const draft = await readDraft(file);
    if (draft) {
      session.base = draft.base;
      session.edits = draft.edits;
      session.restoredDraft = true;
      try {
        session.working();
      } catch {
        session.edits = []; // a draft that no longer applies is not worth a crash; the file is intact
      }
    }
    return session;
  }

  working(): string {
    return applyEdits(this.base, this.edits, profileKeyOrder(this.framework));
  }

  async state(): Promise<WireState> {
    const text = this.working();
    const check = checkProfile(basename(this.file), text, this.catalogue, today());
    const findings = sortFindings(check.findings);
    if (check.profile && check.framework) this.lastAssessment = score(check.framework, check.profile);
    const disk = await this.readDisk();
    const notice = this.notice;
    this.notice = undefined;
    return {
      file: this.file,
      exists: disk !== undefined,
      data: dataOf(text),
      findings: findingPaths(text, findings),
      errors: countErrors(findings),
      warnings: findings.length - countErrors(findings),
      assessment: this.lastAssessment,
      assessmentStale: !check.profile,
      edits: this.edits,
      diskChanged: this.changedOnDisk(disk),
      restoredDraft: this.restoredDraft,
      notice,
    };
  }

  /** Replaces the list of unsaved edits (the page holds it) and keeps it beside the profile. */
  async setEdits(edits: FieldEdit[]): Promise<WireState> {
    try {
      applyEdits(this.base, edits, profileKeyOrder(this.framework));
      this.edits = edits;
      await writeDraft(this.file, { base: this.base, edits });
    } catch (err) {
      if (!(err instanceof EditError)) throw err;
      this.notice = err.message;
    }
    return this.state();
  }

  /** Writes the edited profile, unless the file changed on disk since it was loaded: then says what differs. */
  async save(): Promise<WireSave> {
    const disk = await this.readDisk();
    if (this.changedOnDisk(disk)) return { saved: false, conflict: this.conflict(disk ?? ''), state: await this.state() };
    const text = this.working();
    const written = await writeFileAtomic(this.file, text, this.baseOnDisk);
    if (!written) return { saved: false, conflict: this.conflict((await this.readDisk()) ?? ''), state: await this.state() };
    this.base = text;
    this.baseOnDisk = true;
    this.edits = [];
    this.restoredDraft = false;
    await removeDraft(this.file);
    return { saved: true, state: await this.state() };
  }

  /**
   * After a change on disk: `mine` keeps every edit, applied to the file as it is now; `theirs` drops
   * the edits to fields the file changed and keeps the rest; `reload` drops every edit.
   */
  async resolve(choice: 'mine' | 'theirs' | 'reload'): Promise<WireState> {
    const disk = await this.readDisk();
    if (disk === undefined) {
      // The file was deleted meanwhile: the next save writes it anew, from what was loaded and the edits.
      this.baseOnDisk = false;
      if (choice === 'reload') this.edits = [];
      return this.state();
    }
    const changed = fieldDiff(dataOf(this.base), dataOf(disk));
    const edits = choice === 'reload' ? [] : choice === 'theirs' ? this.edits.filter((e) => !changed.some((p) => overlaps(p, e.path))) : this.edits;
    let kept = edits;
    try {
      applyEdits(disk, edits, profileKeyOrder(this.framework));
    } catch {
      kept = edits.filter((e) => { try { applyEdits(disk, [e]); return true; } catch { return false; } });
    }
    this.base = disk;
    this.baseOnDisk = true;
    this.edits = kept;
    await writeDraft(this.file, { base: disk, edits: kept });
    return this.state();
  }

  private conflict(disk: string): WireConflictField[] {
    const loaded = dataOf(this.base);
    const file = dataOf(disk);
    const mine = dataOf(this.working());
    return fieldDiff(loaded, file).map((path) => ({ path, loaded: valueAt(loaded, path), file: valueAt(file, path), mine: valueAt(mine, path), edited: this.edits.some((e) => overlaps(e.path, path)) }));
  }

  private changedOnDisk(disk: string | undefined): boolean {
    return this.baseOnDisk ? disk === undefined || hash(disk) !== hash(this.base) : disk !== undefined;
  }

  private async readDisk(): Promise<string | undefined> {
    const source = await readSource(this.file);
    return source.ok ? source.text : undefined;
  }
}
