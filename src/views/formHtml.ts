import * as vscode from 'vscode';

/** A fresh nonce for each page, from the platform's CSPRNG (Node 20 and browsers have globalThis.crypto). */
export function makeNonce(): string {
  const bytes = new Uint8Array(18);
  globalThis.crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The form's page: a strict CSP (nothing but our script, by nonce, and our
 * stylesheet), no inline handlers. Text comes later with the `init` message,
 * in the UI language; `data-text`/`data-label` name the string.
 */
export function formHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  const nonce = makeNonce();
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'form.css'));
  const csp = [`default-src 'none'`, `style-src ${webview.cspSource}`, `img-src ${webview.cspSource} data:`, `font-src ${webview.cspSource}`, `script-src 'nonce-${nonce}'`].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style}">
<title>Estimate</title>
</head>
<body data-dirty="false">
<div id="welcome" hidden>
  <p data-text="welcome"></p>
  <button type="button" data-action="new" data-text="newAssessment"></button>
</div>
<form id="editor" novalidate hidden>
  <div class="picker">
    <label for="assessment" data-text="assessment"></label>
    <div class="picker-row">
      <select id="assessment"></select>
      <button type="button" class="secondary icon" data-action="open" data-label="openFile" title="">↗</button>
    </div>
    <p class="tags"><span data-text="capabilities"></span> <span id="capabilities"></span> <button type="button" class="link" data-action="capabilities" data-text="editCapabilities"></button></p>
    <p id="status" class="status" role="status" aria-live="polite"></p>
  </div>
  <div id="problem" class="banner" role="alert" hidden></div>
  <div id="fields"></div>
  <section aria-labelledby="h-results" class="results-section">
    <h2 id="h-results" data-text="results"></h2>
    <div id="results" aria-live="polite"></div>
  </section>
  <div class="actions">
    <button type="submit" id="save" data-text="saveEstimate"></button>
    <button type="button" id="quote" class="secondary" data-text="generateQuote"></button>
  </div>
</form>
<script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
}
