import { Route, Router, type RouteSectionProps } from '@solidjs/router';
import { lazy, Show } from 'solid-js';
import { NameDialog } from './collab/NameDialog.tsx';
import { SignedInIndicator } from './organisation/SignedInIndicator.tsx';
import { signedIn } from './organisation/signed-in.ts';
import { Home } from './pages/Home.tsx';
import { homeFirstPage, learnerRecordFirstPage, reviewsFirstPage, timesheetFirstPage } from './desks/first-pages.ts';
import { reviewsOverviewRoles } from '../../shared/protocol/organisations.ts';
import { timesheetRoles } from '../../shared/protocol/timesheets.ts';
import { progressOverviewRoles } from '../../shared/protocol/progress.ts';

// The home page comes with the first load; every other page is its own chunk, fetched when first opened (and precached by
// the service worker, so they open offline too). The report page brings the editor (ProseMirror, Tiptap), most of the weight.
// A desk's route asks for its first page as it is matched (desks/first-pages.ts), while its chunk loads.
const Report = lazy(() => import('./pages/Report.tsx').then((module) => ({ default: module.Report })));
const JoinPage = lazy(() => import('./sync/JoinPage.tsx').then((module) => ({ default: module.JoinPage })));
const Assignments = lazy(() => import('./pages/Assignments.tsx').then((module) => ({ default: module.Assignments })));
const Assignment = lazy(() => import('./pages/Assignment.tsx').then((module) => ({ default: module.Assignment })));
const CoachingPage = lazy(() =>
  import('./coaching/CoachingPage.tsx').then((module) => ({ default: module.CoachingPage })),
);
const LibraryPage = lazy(() =>
  import('./coaching/LibraryPage.tsx').then((module) => ({ default: module.LibraryPage })),
);
const CoachPage = lazy(() => import('./coaching/CoachPage.tsx').then((module) => ({ default: module.CoachPage })));
const QualityPage = lazy(() => import('./quality/QualityPage.tsx').then((module) => ({ default: module.QualityPage })));
const SpotCheckPage = lazy(() =>
  import('./quality/SpotCheckPage.tsx').then((module) => ({ default: module.SpotCheckPage })),
);
const ObservationPlanPage = lazy(() =>
  import('./quality/ObservationPlanPage.tsx').then((module) => ({ default: module.ObservationPlanPage })),
);
const SetUpPage = lazy(() => import('./organisation/SetUpPage.tsx').then((module) => ({ default: module.SetUpPage })));
const InvitationPage = lazy(() =>
  import('./organisation/InvitationPage.tsx').then((module) => ({ default: module.InvitationPage })),
);
const SignInPage = lazy(() =>
  import('./organisation/SignInPage.tsx').then((module) => ({ default: module.SignInPage })),
);
const AccountPage = lazy(() =>
  import('./organisation/AccountPage.tsx').then((module) => ({ default: module.AccountPage })),
);
const MembersPage = lazy(() =>
  import('./organisation/MembersPage.tsx').then((module) => ({ default: module.MembersPage })),
);
const AuditLogPage = lazy(() =>
  import('./organisation/AuditLogPage.tsx').then((module) => ({ default: module.AuditLogPage })),
);
const LearnerDataPage = lazy(() =>
  import('./organisation/LearnerDataPage.tsx').then((module) => ({ default: module.LearnerDataPage })),
);
const LearnerRecordPage = lazy(() =>
  import('./organisation/LearnerRecordPage.tsx').then((module) => ({ default: module.LearnerRecordPage })),
);
const InboxPage = lazy(() => import('./organisation/InboxPage.tsx').then((module) => ({ default: module.InboxPage })));
const WordsPage = lazy(() => import('./organisation/WordsPage.tsx').then((module) => ({ default: module.WordsPage })));
const TimesheetPage = lazy(() =>
  import('./desks/TimesheetPage.tsx').then((module) => ({ default: module.TimesheetPage })),
);
const ReviewsOverview = lazy(() =>
  import('./desks/ReviewsOverview.tsx').then((module) => ({ default: module.ReviewsOverview })),
);
const ProgressOverviewPage = lazy(() =>
  import('./desks/ProgressOverviewPage.tsx').then((module) => ({ default: module.ProgressOverviewPage })),
);
const ProgressReviews = lazy(() =>
  import('./termly-review/ProgressReviews.tsx').then((module) => ({ default: module.ProgressReviews })),
);

function Layout(props: RouteSectionProps) {
  return (
    <>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class="top">
        <a href="/" class="brand">
          Margin
        </a>
        <nav aria-label="Sections">
          <a href="/coaching">Coaching</a>
          <a href="/quality">Quality</a>
          <a href="/progress-reviews">Progress reviews</a>
          <Show when={signedIn() && timesheetRoles.includes(signedIn()!.member.role)}>
            <a href="/timesheet">Timesheet</a>
          </Show>
          <Show when={signedIn() && reviewsOverviewRoles.includes(signedIn()!.member.role)}>
            <a href="/organisation/reviews">Reviews overview</a>
          </Show>
          <Show when={signedIn() && progressOverviewRoles.includes(signedIn()!.member.role)}>
            <a href="/organisation/progress">Learner progress</a>
          </Show>
          <Show when={signedIn()?.member.role === 'administrator'}>
            <a href="/organisation/members">Members</a>
            <a href="/organisation/words">Words</a>
            <a href="/organisation/audit">Audit log</a>
            <a href="/organisation/learner-data">Learners’ data</a>
          </Show>
        </nav>
        <SignedInIndicator />
      </header>
      <main id="main" tabindex="-1">
        {props.children}
      </main>
      <NameDialog />
    </>
  );
}

function NotFound() {
  return (
    <section class="card narrow">
      <h1>Page not found</h1>
      <p>
        <a href="/">Back to your sessions</a>
      </p>
    </section>
  );
}

export function App() {
  return (
    <Router root={Layout}>
      <Route path="/" component={Home} preload={homeFirstPage} />
      <Route path="/report/:id" component={Report} />
      {/* A share link leads on to the report: its chunk is fetched while the link is kept, not after. */}
      <Route path="/join/:id" component={JoinPage} preload={() => void Report.preload()} />
      <Route path="/assignments" component={Assignments} />
      <Route path="/assignment/:id" component={Assignment} />
      <Route path="/coaching" component={CoachingPage} />
      <Route path="/coaching/library" component={LibraryPage} />
      <Route path="/coaching/:id" component={CoachPage} />
      <Route path="/quality" component={QualityPage} />
      <Route path="/quality/spot-checks" component={SpotCheckPage} />
      <Route path="/quality/plan" component={ObservationPlanPage} />
      <Route path="/progress-reviews" component={ProgressReviews} />
      <Route path="/setup" component={SetUpPage} />
      <Route path="/invitation" component={InvitationPage} />
      <Route path="/sign-in" component={SignInPage} />
      <Route path="/account" component={AccountPage} />
      <Route path="/organisation/members" component={MembersPage} />
      <Route path="/organisation/audit" component={AuditLogPage} />
      <Route path="/organisation/learner-data" component={LearnerDataPage} />
      <Route path="/organisation/words" component={WordsPage} />
      <Route path="/learner-record" component={LearnerRecordPage} preload={learnerRecordFirstPage} />
      <Route path="/inbox" component={InboxPage} />
      <Route path="/timesheet" component={TimesheetPage} preload={timesheetFirstPage} />
      <Route path="/organisation/reviews" component={ReviewsOverview} preload={reviewsFirstPage} />
      <Route path="/organisation/progress" component={ProgressOverviewPage} />
      <Route path="*" component={NotFound} />
    </Router>
  );
}
