import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/cli/load-inputs.js';
import { draftPath } from '../../src/edit/draft-store.js';
import { WorkbenchSession } from '../../src/edit/workbench-session.js';
import { ROOT } from '../helpers/run-cli.js';

// A frozen copy of Brunei's profile (as shipped on 2026-11-29, morning): the edits below expect its lines.
const BN = readFileSync(join(ROOT, 'test/fixtures/edit/BN-as-shipped-2026-11-29.yaml'), 'utf8');

async function open() {
  const file = join(mkdtempSync(join(tmpdir(), 'lexgap-session-')), 'BN.yaml');
  writeFileSync(file, BN);
  const { catalogue } = await loadCatalogue();
  const session = await WorkbenchSession.open(file, catalogue, catalogue.get('asean-ocsea')!, { text: BN, onDisk: true });
  return { file, session };
}

const nameOnDisk = BN.replace('name: Brunei Darussalam', 'name: Negara Brunei Darussalam');
const myAnswer = { path: ['provisions', 'T1.07', 'elements', 'a'], value: 'not-met' };
const myName = { path: ['name'], value: 'Brunei' };

describe('the workbench session', () => {
  it('keeps unsaved edits beside the profile, and removes them once saved', async () => {
    const { file, session } = await open();
    await session.setEdits([myAnswer]);
    expect(JSON.parse(readFileSync(draftPath(file), 'utf8')).edits).toEqual([myAnswer]);
    expect(readFileSync(file, 'utf8')).toBe(BN);
    expect((await session.save()).saved).toBe(true);
    expect(existsSync(draftPath(file))).toBe(false);
    expect(readFileSync(file, 'utf8')).toBe(BN.replace('T1.07:\n    elements: {a: unknown', 'T1.07:\n    elements: {a: not-met'));
  });

  it('on a change on disk, lists each differing field with its three values and writes nothing', async () => {
    const { file, session } = await open();
    await session.setEdits([myAnswer, myName]);
    writeFileSync(file, nameOnDisk);
    const result = await session.save();
    expect(result.saved).toBe(false);
    if (result.saved) return;
    expect(result.conflict).toEqual([{ path: ['name'], loaded: 'Brunei Darussalam', file: 'Negara Brunei Darussalam', mine: 'Brunei', edited: true }]);
    expect(readFileSync(file, 'utf8')).toBe(nameOnDisk);
  });

  it("'take the file's' drops only the edits to fields the file changed; 'reload' drops them all", async () => {
    const { file, session } = await open();
    await session.setEdits([myAnswer, myName]);
    writeFileSync(file, nameOnDisk);
    const theirs = await session.resolve('theirs');
    expect(theirs.edits).toEqual([myAnswer]);
    expect((theirs.data as { name: string }).name).toBe('Negara Brunei Darussalam');
    expect((await session.save()).saved).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe(nameOnDisk.replace('T1.07:\n    elements: {a: unknown', 'T1.07:\n    elements: {a: not-met'));

    await session.setEdits([myName]);
    writeFileSync(file, BN);
    const reloaded = await session.resolve('reload');
    expect(reloaded.edits).toEqual([]);
    expect((reloaded.data as { name: string }).name).toBe('Brunei Darussalam');
  });

  it('restores the unsaved edits of an earlier run', async () => {
    const { file, session } = await open();
    await session.setEdits([myAnswer]);
    const { catalogue } = await loadCatalogue();
    const again = await WorkbenchSession.open(file, catalogue, catalogue.get('asean-ocsea')!, { text: BN, onDisk: true });
    expect(again.restoredDraft).toBe(true);
    expect(((await again.state()).data as { provisions: Record<string, { elements: Record<string, string> }> }).provisions['T1.07']!.elements.a).toBe('not-met');
  });
});
