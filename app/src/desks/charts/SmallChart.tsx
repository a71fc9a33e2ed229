// A small chart for the desks (scores against targets, attendance, coaching cycles per week), drawn with Chart.js
// from only the parts it uses, with a table of the same figures beside it: the canvas is labelled as a picture whose
// figures are in the table, which is what screen readers read. Chart.js comes with the desk pages that use this, never with the first page.
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
} from 'chart.js';
import { createEffect, createUniqueId, For, onCleanup } from 'solid-js';
import './charts.css';

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Legend,
);

/** Colours with a contrast of at least 3:1 on white, told apart by their dashes and marks as well as their hue. */
const colours = ['#1d5a99', '#a8430b', '#2d6e3e', '#6b3f99'];

export interface ChartSeries {
  label: string;
  /** One value per label; null where there is none. */
  values: readonly (number | null)[];
  /** Drawn dashed (a target, beside the scores). */
  dashed?: boolean;
}

export interface SmallChartProps {
  kind: 'line' | 'bar';
  /** What the chart shows: the figure's caption and the table's. */
  title: string;
  /** The heading of the labels' column in the table ("Date", "Week of"). */
  labelHeading: string;
  labels: readonly string[];
  series: readonly ChartSeries[];
  /** Bars of each label stacked (attendance: attended and missed). */
  stacked?: boolean;
  /** The value axis's highest value, when it has a natural one (a score out of 100). */
  max?: number;
}

export function SmallChart(props: SmallChartProps) {
  const id = createUniqueId();
  let canvas!: HTMLCanvasElement;
  let chart: Chart | undefined;
  createEffect(() => {
    chart?.destroy();
    chart = new Chart(canvas, {
      type: props.kind,
      data: {
        labels: [...props.labels],
        datasets: props.series.map((series, index) => ({
          label: series.label,
          data: [...series.values],
          borderColor: colours[index % colours.length],
          backgroundColor: colours[index % colours.length],
          borderDash: series.dashed ? [6, 4] : [],
          pointStyle: index % 2 === 0 ? 'circle' : 'rectRot',
          spanGaps: true,
        })),
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        plugins: { legend: { position: 'bottom' } },
        scales: {
          x: { stacked: props.stacked ?? false },
          y: { stacked: props.stacked ?? false, beginAtZero: true, ...(props.max ? { max: props.max } : {}) },
        },
      },
    });
  });
  onCleanup(() => chart?.destroy());
  return (
    <figure class="small-chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`}>{props.title}</figcaption>
      <div class="small-chart-body">
        <div class="small-chart-canvas">
          <canvas
            ref={canvas}
            role="img"
            aria-label={`Chart of ${props.title.charAt(0).toLowerCase()}${props.title.slice(1)}; the table beside it has its figures.`}
          />
        </div>
        <table class="small-chart-table">
          <caption>{props.title}</caption>
          <thead>
            <tr>
              <th scope="col">{props.labelHeading}</th>
              <For each={props.series}>{(series) => <th scope="col">{series.label}</th>}</For>
            </tr>
          </thead>
          <tbody>
            <For each={props.labels}>
              {(label, row) => (
                <tr>
                  <th scope="row">{label}</th>
                  <For each={props.series}>{(series) => <td>{series.values[row()] ?? '–'}</td>}</For>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </figure>
  );
}
