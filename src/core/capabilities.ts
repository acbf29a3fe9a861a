/**
 * Capability tags (`capabilities: [data-push, sso]` in an assessment's front
 * matter) and the productisation signal they carry: when requests from
 * different customers share a tag, several customers are asking for the same
 * "custom" thing, which is a product need rather than a one-off.
 *
 * Tags keep the spelling they were written with; they are compared by a key
 * that ignores case, full-width forms (ＳＳＯ = SSO, as Chinese input methods
 * type them) and the difference between spaces, hyphens and underscores, so
 * `Data push`, `data-push` and `DATA_PUSH` are one tag. Customers are
 * compared ignoring case, full-width forms and runs of spaces.
 */
import { isSeq } from 'yaml';
import { DeskError } from './errors';
import { problemsMessage } from './fieldMessages';
import { planFrontMatterEdit, type FrontMatterEditPlan } from './frontMatterEdit';
import { capabilitiesSchema } from './schema';

/** A tag as written: NFKC (full-width letters and digits become ASCII), trimmed, inner whitespace runs as one space. */
export function normaliseTag(tag: string): string {
  return tag.normalize('NFKC').trim().split(/\s+/).filter(Boolean).join(' ');
}

/** What two tags are compared by. */
export function tagKey(tag: string): string {
  return normaliseTag(tag).toLowerCase().replace(/[\s_-]+/g, '-');
}

/** What two customer names are compared by. */
export function customerKey(customer: string): string {
  return normaliseTag(customer).toLowerCase();
}

/** Tags without empties and without repeats (by key), the first spelling kept, at most `max`. */
export function uniqueTags(tags: readonly string[], max = 30): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const tag of tags.map(normaliseTag)) {
    const key = tagKey(tag);
    if (!tag || seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
  }
  return out.slice(0, max);
}

/** Tags typed in one line, separated by commas (also `，`, `、` and `;`, as typed in Chinese). */
export function parseTagList(text: string): string[] {
  return uniqueTags(text.split(/[,，、;；]/));
}

/** A request as far as tags are concerned. */
export interface TaggedRequest {
  customer: string;
  capabilities: readonly string[];
}

export interface TagUse<R extends TaggedRequest> {
  /** the tag as first written (in the order of the requests given) */
  tag: string;
  /** the requests carrying it, in the order given */
  requests: R[];
  /** the distinct customers among them, each as first written */
  customers: string[];
}

/**
 * Every tag with the requests that carry it, most customers first, then by
 * tag (a plain code-point order on the key, the same on every machine).
 */
export function groupByTag<R extends TaggedRequest>(requests: readonly R[]): TagUse<R>[] {
  const byKey = new Map<string, TagUse<R> & { customerKeys: Set<string> }>();
  for (const request of requests) {
    for (const tag of uniqueTags(request.capabilities, Infinity)) {
      const key = tagKey(tag);
      let use = byKey.get(key);
      if (!use) byKey.set(key, (use = { tag, requests: [], customers: [], customerKeys: new Set() }));
      use.requests.push(request);
      const customer = customerKey(request.customer);
      if (!use.customerKeys.has(customer)) {
        use.customerKeys.add(customer);
        use.customers.push(normaliseTag(request.customer));
      }
    }
  }
  return [...byKey.entries()]
    .sort(([a, x], [b, y]) => y.customers.length - x.customers.length || (a < b ? -1 : a > b ? 1 : 0))
    .map(([, { tag, requests: carried, customers }]) => ({ tag, requests: carried, customers }));
}

/** Productisation candidates: tags carried by requests of at least two different customers. */
export function productisationCandidates<R extends TaggedRequest>(requests: readonly R[]): TagUse<R>[] {
  return groupByTag(requests).filter((use) => use.customers.length >= 2);
}

/**
 * Sets a request's capability tags in its front matter (normalised, repeats
 * dropped, the first spelling kept) as the smallest edits; no tags removes
 * the `capabilities` key, as New Assessment writes none; a list keeps its
 * block or flow style. Only the YAML must be valid: the rest of the front
 * matter (a half-typed estimate, say) is not this change's business. More
 * than 30 tags or a tag over 60 characters is refused, naming the field.
 */
export function planCapabilitiesChange(text: string, file: string, tags: readonly string[]): FrontMatterEditPlan & { capabilities: string[] } {
  const wanted = uniqueTags(tags, Infinity);
  const checked = capabilitiesSchema.safeParse({ capabilities: wanted }, { reportInput: true });
  if (!checked.success) {
    throw new DeskError('invalid-input', problemsMessage(checked.error, { en: `The capability tags for ${file} have a problem`, 'zh-cn': `${file} 的能力标签有问题` }));
  }
  const plan = planFrontMatterEdit(text, file, (doc) => {
    const raw: unknown = doc.toJS()?.capabilities;
    const before = Array.isArray(raw) ? raw : [];
    if (wanted.length === before.length && wanted.every((tag, i) => tag === before[i])) return;
    if (wanted.length === 0) doc.delete('capabilities');
    else {
      // Keep the list's style as written: block (as New Assessment writes it) unless it was `[a, b]`.
      const old = doc.get('capabilities', true);
      doc.set('capabilities', doc.createNode(wanted, { flow: isSeq(old) && old.flow === true }));
    }
  });
  return { ...plan, capabilities: wanted };
}
