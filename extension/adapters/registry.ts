// Every site adapter, most specific first; a page gets the first that matches, and any page at least
// the generic form adapter. Asked again at each submission, as single-page apps change what a page is.
import { agencySessionReport } from './agency-session-report.ts';
import { genericForm } from './generic-form.ts';
import { marginReportPage } from './margin.ts';
import type { SiteAdapter } from './site-adapter.ts';

export const siteAdapters: readonly SiteAdapter[] = [marginReportPage, agencySessionReport, genericForm];

export function adapterFor(
  document: Document,
  location: Pick<Location, 'hostname' | 'pathname'>,
  adapters: readonly SiteAdapter[] = siteAdapters,
): SiteAdapter {
  return adapters.find((adapter) => adapter.matches(document, location)) ?? genericForm;
}
