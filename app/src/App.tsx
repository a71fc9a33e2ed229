import { Route, Router, type RouteSectionProps } from '@solidjs/router';
import { Assignment } from './pages/Assignment.tsx';
import { Assignments } from './pages/Assignments.tsx';
import { Home } from './pages/Home.tsx';
import { Report } from './pages/Report.tsx';
import { JoinPage } from './sync/JoinPage.tsx';
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
        <nav aria-label="Main">
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
      <Route path="/progress-reviews" component={ProgressReviews} />
      <Route path="*" component={NotFound} />
    </Router>
  );
}
