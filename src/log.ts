import * as vscode from 'vscode';

let channel: vscode.LogOutputChannel | undefined;

/** The "Custom Request Desk" log, created on first use so activation stays empty. */
export function log(): vscode.LogOutputChannel {
  channel ??= vscode.window.createOutputChannel('Custom Request Desk', { log: true });
  return channel;
}

export function disposeLog(): void {
  channel?.dispose();
  channel = undefined;
}
