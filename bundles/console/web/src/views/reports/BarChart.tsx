import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { useEffect, useRef } from 'preact/hooks';

// Only what bar charts need, to keep the bundle small.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

/** One series of bars. */
export interface BarSeries {
  label: string;
  data: number[];
  color: string;
}

/** A bar chart (Chart.js on a canvas): grouped, or stacked; horizontal bars for long lists such as agents. */
export function BarChart({ id, title, labels, series, stacked = false, horizontal = false, valueTitle, counts = false }: {
  id: string;
  title: string;
  labels: string[];
  series: BarSeries[];
  stacked?: boolean;
  horizontal?: boolean;
  valueTitle?: string;
  /** Whole numbers only on the value axis (contacts). */
  counts?: boolean;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<Chart<'bar'> | null>(null);

  useEffect(() => {
    const valueAxis = { stacked, beginAtZero: true, ticks: { precision: counts ? 0 : undefined }, title: { display: !!valueTitle, text: valueTitle ?? '' } };
    const categoryAxis = { stacked };
    chart.current = new Chart(canvas.current!, {
      type: 'bar',
      data: { labels: [], datasets: [] },
      options: {
        indexAxis: horizontal ? 'y' : 'x',
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis },
        plugins: { legend: { position: 'bottom' } },
      },
    });
    return () => {
      chart.current?.destroy();
      chart.current = null;
    };
  }, [stacked, horizontal, valueTitle, counts]);

  useEffect(() => {
    const current = chart.current;
    if (!current) {
      return;
    }
    current.data.labels = labels;
    current.data.datasets = series.map((entry) => ({ label: entry.label, data: entry.data, backgroundColor: entry.color }));
    current.update();
  }, [labels, series, stacked, horizontal, valueTitle]);

  // Horizontal charts grow with their rows so every label stays readable (set from script: no inline styles).
  const height = horizontal ? Math.max(160, 60 + labels.length * 28) : 280;
  useEffect(() => {
    if (box.current) {
      box.current.style.height = `${height}px`;
    }
  }, [height]);
  return (
    <div class="chart" ref={box}>
      <canvas id={id} ref={canvas} role="img" aria-label={title} />
    </div>
  );
}

/** A CSS colour variable of the console's theme (state colours), for the charts. */
export function themeColor(name: string, fallback: string): string {
  const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return value || fallback;
}
