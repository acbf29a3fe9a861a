/** A hand-written assessment with comments and a body, as a user would have it; `tags` are lines placed last in the front matter. */
export function assessment(extra: { status?: string; quotes?: string; estimate?: boolean; accepted?: string; tags?: string[] } = {}): string {
  return [
    '---',
    'kind: custom-request-assessment',
    'schemaVersion: 1',
    'id: k3x9qa',
    'customer: Acme',
    'title: Reverse push',
    '# who asked, and in which meeting',
    'broughtBy: Wang',
    'language: en',
    'created: 2026-11-01',
    `status: ${extra.status ?? 'draft'} # set from the tree`,
    'adr: null',
    ...(extra.estimate ? ['estimate:', '  currency: USD', '  workItems: []', '  dayRates:', '    engineer: 800'] : []),
    ...(extra.quotes ? [extra.quotes] : ['quotes: []']),
    ...(extra.accepted ? [extra.accepted] : []),
    ...(extra.tags ?? []),
    '---',
    '',
    '# Reverse push',
    '',
    'Notes the user wrote.',
    '',
  ].join('\n');
}
