/**
 * The Custom Requests tree and Set Status in the real extension host: the
 * tree follows files created, changed and deleted on disk (reading only
 * those), groups by status, shows quotes latest first, marks an expired
 * quote and an unreadable assessment; status changes go through the document.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { stringify } from 'yaml';
import type { DeskApi, NewAssessmentResult } from '../../src/extension';
import type { TreeSnapshot } from '../../src/views/requestTree';
import { WORKED_EXAMPLE } from '../unit/workedExample';
import { closeAllEditors, EXTENSION_ID, generateQuote, readText, shownBy, TODAY, waitFor, writeEstimate, writeText } from './support';

async function newAssessment(customer: string, title: string): Promise<vscode.Uri> {
  const result = await vscode.commands.executeCommand<NewAssessmentResult | undefined>('customRequest.newAssessment', {
    customer, title, broughtBy: 'Lin', dealSize: null, language: 'en', adr: 'none', today: TODAY, open: false,
  });
  assert.ok(result);
  return result.assessment;
}

/** The group (by label) that holds the request labelled `label`, with the request's node. */
function findRequest(tree: TreeSnapshot[], label: string): { group: TreeSnapshot; node: TreeSnapshot } | undefined {
  for (const group of tree) {
    const node = group.children.find((child) => child.label === label);
    if (node) return { group, node };
  }
  return undefined;
}

describe('Custom Requests tree and Set Status', () => {
  let api: DeskApi;
  const setStatus = (args: object) => vscode.commands.executeCommand<{ status: string; acceptedQuote?: string } | undefined>('customRequest.setStatus', args);
  /** Waits until the request shows in the group labelled `groupLabel`, and returns its node. */
  const inGroup = async (label: string, groupLabel: string): Promise<TreeSnapshot> =>
    (await waitFor(async () => {
      const found = findRequest(await api.requestTree(), label);
      return found?.group.label === groupLabel ? found.node : undefined;
    }, `${label} under ${groupLabel}`))!;

  before(async () => {
    api = (await vscode.extensions.getExtension<DeskApi>(EXTENSION_ID)!.activate()) as DeskApi;
    await vscode.workspace.getConfiguration('files').update('autoSave', 'off', vscode.ConfigurationTarget.Workspace);
  });
  after(async () => {
    await vscode.workspace.getConfiguration('files').update('autoSave', undefined, vscode.ConfigurationTarget.Workspace);
  });
  afterEach(closeAllEditors);

  it('shows a new request under Draft, then Estimated and Quoted with its quote, reading only the changed file', async () => {
    const uri = await newAssessment('Tree Corp', 'Nightly export');
    const label = 'Tree Corp: Nightly export';
    const draft = await inGroup(label, 'Draft');
    assert.equal(draft.contextValue, 'request:draft');
    assert.deepEqual(draft.children.map((c) => [c.label, c.contextValue]), [['Assessment', 'file:assessment']]);
    assert.match(draft.tooltip ?? '', /Status: Draft/);
    assert.match(draft.tooltip ?? '', /Brought by: Lin/);
    // As the view first shows it: groups open with their requests, tooltips (which compute the estimate) left for a hover.
    const shown = findRequest(await api.requestTree({ asShown: true }), label);
    assert.equal(shown?.group.label, 'Draft');
    assert.equal(shown?.node.tooltip, undefined);
    assert.deepEqual(shown?.node.children, []);

    const reads = api.requestIndexReads();
    await writeEstimate(uri);
    await setStatus({ assessment: uri, status: 'estimated' });
    const estimated = await inGroup(label, 'Estimated');
    // Worked example: NRE CN¥119,000.00 and CN¥72,000.00 a year (worked by hand in commands.spec).
    assert.match(estimated.tooltip ?? '', /Custom development fee \(one-time\): CN¥119,000\.00/);
    assert.match(estimated.tooltip ?? '', /Yearly compatibility service fee: CN¥72,000\.00/);
    // The two changes of one file are read again, not the workspace: at most one read per change.
    assert.ok(api.requestIndexReads() - reads <= 2, `read ${api.requestIndexReads() - reads} files for two changes of one`);

    const first = await generateQuote(uri);
    assert.ok(first);
    const quoted = await inGroup(label, 'Quoted');
    assert.equal(quoted.description, `${first.number} R1 · CN¥119,000.00`);
    assert.equal(quoted.contextValue, 'request:quoted:quote');
    const second = await generateQuote(uri);
    assert.ok(second);
    const both = (await waitFor(async () => {
      const node = findRequest(await api.requestTree(), label)?.node;
      return node && node.children.length === 3 ? node : undefined;
    }, 'two quotes in the tree'))!;
    assert.deepEqual(
      both.children.map((c) => [c.label, c.description]),
      [
        ['Assessment', vscode.workspace.asRelativePath(uri, false)],
        [`${first.number} R2`, `${TODAY} · CN¥119,000.00`],
        [`${first.number} R1`, `${TODAY} · CN¥119,000.00 · superseded`],
      ],
    );
    assert.equal(second.number, `${first.number}-R2`);
    assert.ok(both.children[1].uri?.endsWith(vscode.workspace.asRelativePath(second.quote, false)));
  });

  it('accepting records the revision, through the document, and undo takes it back', async () => {
    const uri = await newAssessment('Accept Inc', 'Custom SSO');
    await writeEstimate(uri);
    const q1 = await generateQuote(uri);
    const q2 = await generateQuote(uri);
    assert.ok(q1 && q2);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    assert.deepEqual(await setStatus({ assessment: uri, status: 'accepted', acceptedQuote: q1.number, today: '2026-11-26' }), { status: 'accepted', acceptedQuote: q1.number });
    const node = await inGroup('Accept Inc: Custom SSO', 'Accepted');
    assert.match(node.tooltip ?? '', new RegExp(`Accepted: ${q1.number} R1, 2026-11-26`));
    // As the view first shows it: settled groups start folded (their requests are not asked for), open ones list theirs.
    const shown = await api.requestTree({ asShown: true });
    const accepted = shown.find((group) => group.contextValue === 'group:accepted');
    assert.ok(accepted && Number(accepted.description) >= 1, 'the Accepted group counts its requests');
    assert.deepEqual(accepted.children, [], 'Accepted starts folded');
    assert.ok(shown.find((group) => group.contextValue === 'group:quoted')?.children.length, 'Quoted starts open');
    assert.deepEqual(node.children.map((c) => c.description?.split(' · ').pop()), [vscode.workspace.asRelativePath(uri, false), 'CN¥119,000.00', 'accepted']);
    const onDisk = await readText(uri);
    assert.match(onDisk, /\nstatus: accepted\n/);
    assert.match(onDisk, new RegExp(`\\naccepted:\\n  quote: ${q1.number}\\n  date: 2026-11-26\\n`));
    assert.ok(!doc.isDirty, 'a saved document is saved again');

    await vscode.commands.executeCommand('undo');
    assert.match(doc.getText(), /\nstatus: quoted\n/);
    assert.doesNotMatch(doc.getText(), /\naccepted:/);
    await inGroup('Accept Inc: Custom SSO', 'Quoted');
    await doc.save();
    // A new quote after acceptance is a new revision, and the message says the accepted one stays as it was.
    await setStatus({ assessment: uri, status: 'accepted', acceptedQuote: q1.number });
    await doc.save();
    const q1Text = await readText(q1.quote);
    const message = await shownBy('customRequest.generateQuote', async () => generateQuote(uri));
    assert.match(message, new RegExp(`${q1.number}, which the customer accepted, stays as it was; ${q1.number}-R3 is a new revision\\.`));
    assert.equal(await readText(q1.quote), q1Text, 'the accepted quote is never rewritten');
  });

  it('refuses a status the request is not ready for, in plain words, changing nothing', async () => {
    const uri = await newAssessment('Early Ltd', 'Too soon');
    const before = await readText(uri);
    const message = await shownBy('customRequest.setStatus', async () => setStatus({ assessment: uri, status: 'accepted' }));
    assert.equal(message.trim(), 'Early Ltd: Too soon has no quote yet: generate one first, then mark it accepted.');
    assert.equal(await readText(uri), before);
  });

  it('marks a quote past its valid-until date as expired', async () => {
    const uri = await newAssessment('Old Quote GmbH', 'Late answer');
    await writeEstimate(uri);
    // Issued 2026-01-05 with the default 30 days: valid until 2026-02-04, long before today.
    const quote = await vscode.commands.executeCommand<{ number: string } | undefined>('customRequest.generateQuote', { assessment: uri, today: '2026-01-05', open: false });
    assert.ok(quote);
    const node = await inGroup('Old Quote GmbH: Late answer', 'Quoted');
    assert.equal(node.description, `${quote.number} R1 · CN¥119,000.00 · expired`);
    assert.equal(node.icon, 'warning');
    assert.match(node.tooltip ?? '', /expired on 2026-02-04/);
  });

  it('shows an assessment with broken front matter under Needs attention, with the parse error, and leaves it as it is', async () => {
    const uri = await newAssessment('Broken Co', 'Bad YAML');
    await inGroup('Broken Co: Bad YAML', 'Draft');
    const broken = (await readText(uri)).replace('status: draft', 'status: [draft');
    await writeText(uri, broken);
    const path = vscode.workspace.asRelativePath(uri, false);
    const node = await inGroup(path, 'Needs attention');
    assert.equal(node.icon, 'warning');
    assert.match(node.tooltip ?? '', new RegExp(`The front matter of ${path.replace(/[.]/g, '\\.')}:\\d+ is not valid YAML`));
    assert.equal(node.contextValue, 'request:unreadable');
    assert.equal(await readText(uri), broken, 'nothing rewritten');
    await writeText(uri, broken.replace('status: [draft', 'status: withdrawn'));
    await inGroup('Broken Co: Bad YAML', 'Withdrawn');
  });

  it('on a first load, a request whose estimate is wrong moves to Needs attention a moment after the tree shows, naming the field', async () => {
    const uri = await newAssessment('Estimate Co', 'Wrong three points');
    // In block YAML, as the estimate form writes it (the reader that defers the estimate takes only plain YAML).
    const text = await readText(uri);
    const end = text.indexOf('\n---\n', 4) + 1;
    const estimate = { ...WORKED_EXAMPLE, workItems: [{ name: 'Push', role: 'engineer', optimistic: 9, mostLikely: 5, pessimistic: 12 }] };
    await writeText(uri, `${text.slice(0, end)}${stringify({ estimate }, { lineWidth: 0 })}${text.slice(end)}`);
    const path = vscode.workspace.asRelativePath(uri, false);
    // The watcher's re-read checks the whole front matter at once.
    await inGroup(path, 'Needs attention');
    // Refresh: the next load is a first load again (every file read, estimates checked after the tree shows).
    await vscode.commands.executeCommand('customRequest.refreshRequests');
    const moved = await waitFor(async () => findRequest(await api.requestTree({ asShown: true }), path), `${path} under Needs attention`);
    assert.equal(moved?.group.label, 'Needs attention');
    const node = findRequest(await api.requestTree(), path)!.node;
    assert.match(node.tooltip ?? '', /mostLikely|most likely/i);
    // Fixed: back under its status.
    await writeText(uri, (await readText(uri)).replace('optimistic: 9', 'optimistic: 3'));
    await inGroup('Estimate Co: Wrong three points', 'Draft');
  });

  it('drops a request whose folder is deleted', async () => {
    const uri = await newAssessment('Gone Ltd', 'Deleted');
    await inGroup('Gone Ltd: Deleted', 'Draft');
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(uri, '..'), { recursive: true });
    await waitFor(async () => !findRequest(await api.requestTree(), 'Gone Ltd: Deleted'), 'the deleted request gone from the tree');
  });
});
