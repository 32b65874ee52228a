import { formatPercent } from '../lib/statistics-format';

export interface RateSeries {
  name: string;
  color: string;
}

export interface RateCategory {
  key: string;
  label: string;
  /** One rate (0–100) per series; null when hidden by the privacy threshold or not defined. */
  values: (number | null)[];
}

const WIDTH = 760;
const LABEL_WIDTH = 230;
const VALUE_WIDTH = 70;
const PLOT_WIDTH = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
const BAR_HEIGHT = 14;
const GAP = 8;
const AXIS_HEIGHT = 20;
const TICKS = [0, 25, 50, 75, 100];

/**
 * Horizontal bars of percentages drawn as plain SVG: the dashboard needs a few bar charts, not a charting library.
 * With `onSelect`, each category is a button (click or Enter) that drills down.
 */
export function RateBars({
  title,
  series,
  categories,
  onSelect,
}: {
  title: string;
  series: RateSeries[];
  categories: RateCategory[];
  onSelect?: (key: string) => void;
}) {
  const rowHeight = series.length * BAR_HEIGHT + GAP;
  const height = AXIS_HEIGHT + categories.length * rowHeight + 4;
  const x = (value: number) => LABEL_WIDTH + (Math.min(Math.max(value, 0), 100) / 100) * PLOT_WIDTH;
  return (
    <figure className="rate-bars">
      {series.length > 1 && (
        <figcaption className="legend">
          {series.map((entry) => (
            <span key={entry.name}>
              <svg width="12" height="12" aria-hidden="true">
                <rect width="12" height="12" fill={entry.color} />
              </svg>
              {entry.name}
            </span>
          ))}
        </figcaption>
      )}
      {/* With drill-down the bars are buttons, so the chart is a group of them rather than one picture. */}
      <svg
        role={onSelect ? 'group' : 'img'}
        aria-label={title}
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        style={{ maxWidth: `${WIDTH}px` }}
      >
        <title>{title}</title>
        {TICKS.map((tick) => (
          <g key={tick}>
            <line x1={x(tick)} x2={x(tick)} y1={AXIS_HEIGHT - 4} y2={height} stroke="#d0d5dd" strokeWidth="1" />
            <text x={x(tick)} y={AXIS_HEIGHT - 8} fontSize="11" textAnchor="middle" fill="#475467">
              {tick}%
            </text>
          </g>
        ))}
        {categories.map((category, index) => {
          const top = AXIS_HEIGHT + index * rowHeight;
          const described = `${category.label}：${category.values
            .map((value, i) => `${series[i]!.name} ${formatPercent(value)}`)
            .join('，')}`;
          const select = onSelect ? () => onSelect(category.key) : undefined;
          return (
            <g
              key={category.key}
              data-key={category.key}
              className={select ? 'selectable' : undefined}
              role={select ? 'button' : undefined}
              tabIndex={select ? 0 : undefined}
              // A button is named by the text it shows (the label and the rates), as a screen reader user hears it.
              aria-label={select ? undefined : described}
              onClick={select}
              onKeyDown={
                select
                  ? (event) => {
                      if (event.key === 'Enter' || event.key === ' ') {
                        event.preventDefault();
                        select();
                      }
                    }
                  : undefined
              }
            >
              <rect x="0" y={top} width={WIDTH} height={rowHeight} fill="transparent" />
              <text x={LABEL_WIDTH - 8} y={top + rowHeight / 2 + 4} fontSize="12" textAnchor="end" fill="#101828">
                {category.label.length > 18 ? `${category.label.slice(0, 17)}…` : category.label}
              </text>
              {category.values.map((value, i) => {
                const y = top + GAP / 2 + i * BAR_HEIGHT;
                return (
                  <g key={series[i]!.name}>
                    {value !== null && (
                      <rect
                        x={LABEL_WIDTH}
                        y={y + 1}
                        width={x(value) - LABEL_WIDTH}
                        height={BAR_HEIGHT - 2}
                        fill={series[i]!.color}
                        rx="2"
                      />
                    )}
                    <text
                      x={(value === null ? LABEL_WIDTH : x(value)) + 4}
                      y={y + BAR_HEIGHT - 3}
                      fontSize="11"
                      fill="#344054"
                    >
                      {formatPercent(value)}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
