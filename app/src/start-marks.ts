// Names of the marks the app puts on the page's performance timeline as it starts, for bench/desks.ts to say where a
// page load's time went (the browser's own entries say when the scripts came in and each request went out).

/** The app's own modules (the main bundle) all evaluated: main.tsx's first line runs. */
export const appEvaluatedMark = 'margin: app evaluated';
