import { Route, Router, type RouteSectionProps } from '@solidjs/router';
import { Assignment } from './pages/Assignment.tsx';
import { Assignments } from './pages/Assignments.tsx';
import { Home } from './pages/Home.tsx';
import { Report } from './pages/Report.tsx';
import { JoinPage } from './sync/JoinPage.tsx';
import { CoachingPage } from './coaching/CoachingPage.tsx';
import { CoachPage } from './coaching/CoachPage.tsx';
import { LibraryPage } from './coaching/LibraryPage.tsx';
import { QualityPage } from './quality/QualityPage.tsx';
import { SpotCheckPage } from './quality/SpotCheckPage.tsx';
import { ProgressReviews } from './termly-review/ProgressReviews.tsx';

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
        </nav>
      </header>
      <main id="main" tabindex="-1">
        {props.children}
      </main>
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
      <Route path="/" component={Home} />
      <Route path="/report/:id" component={Report} />
      <Route path="/join/:id" component={JoinPage} />
      <Route path="/assignments" component={Assignments} />
      <Route path="/assignment/:id" component={Assignment} />
      <Route path="/coaching" component={CoachingPage} />
      <Route path="/coaching/library" component={LibraryPage} />
      <Route path="/coaching/:id" component={CoachPage} />
      <Route path="/quality" component={QualityPage} />
      <Route path="/quality/spot-checks" component={SpotCheckPage} />
      <Route path="/progress-reviews" component={ProgressReviews} />
      <Route path="*" component={NotFound} />
    </Router>
  );
}
