// Bar charts drawn by Chart.js (bundled with the app, no network): bars read right to left, labels and
// numbers in Persian digits, in the page's font; canvases print with the page.
import { useEffect, useRef } from 'react';
import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';
import { fa } from '../format';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);
Chart.defaults.font.family = 'Vazirmatn, Tahoma, sans-serif';

type Props = {
  labels: string[];
  values: (number | null)[];
  /** Accessible name of the chart (also its visible caption). */
  label: string;
  unit?: string;
  horizontal?: boolean;
  max?: number;
  /** What the chart says when it has nothing to draw (why it is empty). */
  empty: string;
};

export function BarChart({ labels, values, label, unit = '', horizontal = false, max, empty }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  // Redrawn only when the numbers change, not on every render of the page.
  const data = JSON.stringify([labels, values]);
  useEffect(() => {
    const [labels, values] = JSON.parse(data) as [string[], (number | null)[]];
    if (!canvas.current) return;
    // Everything starts on the right: categories of vertical bars, and the bars of horizontal ones.
    const valueAxis = { beginAtZero: true, reverse: horizontal, ...(max !== undefined ? { max } : {}), ticks: { precision: 0, callback: (v: string | number) => `${fa(v)}${unit}` } };
    const categoryAxis = { reverse: !horizontal, ticks: { autoSkip: false } };
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: { labels, datasets: [{ label, data: values, backgroundColor: '#1f7a68' }] },
      options: {
        indexAxis: horizontal ? 'y' : 'x',
        animation: false,
        layout: { padding: { left: 28 } },
        responsive: true,
        maintainAspectRatio: false,
        locale: 'fa-IR',
        scales: horizontal ? { x: valueAxis, y: { ...categoryAxis, position: 'right' } } : { x: categoryAxis, y: { ...valueAxis, position: 'right' } },
        plugins: {
          tooltip: { rtl: true, textDirection: 'rtl', callbacks: { label: (c) => `${fa(c.parsed[horizontal ? 'x' : 'y'] ?? '')}${unit}` } },
        },
      },
    });
    return () => chart.destroy();
  }, [data, label, unit, horizontal, max]);
  const height = horizontal ? Math.max(160, labels.length * 26) : 240;
  const nothing = labels.length === 0 || values.every((v) => v === null);
  return (
    <figure className="chart">
      <figcaption>{label}</figcaption>
      {nothing
        ? <p className="chart-empty muted" data-testid="chart-empty">{empty}</p>
        : <div style={{ height }}><canvas ref={canvas} role="img" aria-label={label} /></div>}
    </figure>
  );
}
