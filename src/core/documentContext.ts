/**
 * What the Markdown templates see. Money stays in integer minor units here;
 * templates format it with the `money` / `wan` helpers. Links are relative
 * to the document being written.
 */
import type { EstimateResult } from './estimate';
import type { Lang } from './lang';
import type { EstimateData, RequestStatus } from './schema';

export interface RequestView {
  id: string;
  customer: string;
  title: string;
  broughtBy: string;
  /** the deal at stake, if sales gave one */
  dealSize?: { minor: number; currency: string };
  created: string;
  status: RequestStatus;
}

export interface AdrView {
  title: string;
  number?: number;
  status?: string;
  fileName: string;
  /** relative link from the document being written */
  link: string;
}

export interface QuoteView {
  /** e.g. Q-2026-003, or Q-2026-003-R2 from the second revision on */
  number: string;
  /** the number without revision suffix */
  baseNumber: string;
  revision: number;
  issueDate: string;
  validUntil: string;
  validDays: number;
  fileName: string;
  /** relative link from the document being written */
  link: string;
}

export interface EstimateView {
  input: EstimateData;
  result: EstimateResult;
  currency: string;
  /** "P80" */
  priceAtLabel: string;
  /** custom fee over the term minus the standard fee */
  extraOverStandardMinor: number;
}

export interface QuoteTermsView {
  scope: string;
  deliverables: string[];
  assumptions: string[];
  exclusions: string[];
  paymentTerms: string;
}

/** Who issues the quote (the customRequest.supplier setting); a field not set is absent. */
export interface SupplierView {
  name?: string;
  address?: string;
  contact?: string;
  /** workspace-folder-relative path of the logo; the quote records it in its front matter only */
  logo?: string;
  footer?: string;
}

export interface DocumentContext {
  lang: Lang;
  /** YYYY-MM-DD */
  today: string;
  request: RequestView;
  /** the related ADR, when there is one */
  adr?: AdrView;
  /** link to the assessment (in quotes and new ADRs) */
  assessment?: { link: string };
  /** the quote being written (quote template) or the latest one (assessment) */
  quote?: QuoteView;
  /** every quote so far, oldest first (assessment) */
  quotes: QuoteView[];
  estimate?: EstimateView;
  terms?: QuoteTermsView;
  /** the supplier issuing the quote (quote template) */
  supplier?: SupplierView;
  /** the ADR being created (ADR templates) */
  newAdr?: { number: number; title: string; date: string; status: string };
}
