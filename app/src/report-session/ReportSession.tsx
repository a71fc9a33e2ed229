// Hands an open report's session to the components under it: the report page provides it, and whatever inside
// needs the report's comments or status (the termly review, the tutor's reply) asks for it with useReportSession.
import { createContext, onCleanup, useContext, type JSX } from 'solid-js';
import { acquireReportSession, type ReportSession } from './report-session.ts';

const ReportSessionContext = createContext<ReportSession>();

/** Holds the report's session while it is shown, and gives it back when it goes. */
export function ReportSessionProvider(props: { reportId: string; children: JSX.Element }) {
  const { session, release } = acquireReportSession(props.reportId);
  onCleanup(release);
  return <ReportSessionContext.Provider value={session}>{props.children}</ReportSessionContext.Provider>;
}

export function useReportSession(): ReportSession {
  const session = useContext(ReportSessionContext);
  if (!session) throw new Error('useReportSession is used outside a ReportSessionProvider');
  return session;
}
