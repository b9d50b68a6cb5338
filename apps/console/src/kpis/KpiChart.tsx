import { useId } from 'react';
import Box from '@mui/material/Box';
import type { TKpiReadingRecord, TKpiRecord } from '../api-types';
import { formatDate, formatKpiValue, formatShortDate } from '../format';
import { RAG_LABELS } from '../labels';
import { HEAT_FILLS } from '../components/RiskHeatMap';

const W = 760;
const H = 300;
const M = { top: 16, right: 200, bottom: 44, left: 56 };
const PLOT_W = W - M.left - M.right;
const PLOT_H = H - M.top - M.bottom;

/** Round tick steps (1, 2, 2.5, 5 × 10ⁿ) giving about five gridlines. */
function ticks(min: number, max: number): number[] {
  const raw = (max - min) / 5 || 1;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * mag >= raw) ?? 10) * mag;
  const out: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max + 1e-9; v += step) out.push(Number(v.toFixed(6)));
  return out;
}

/** Pushes labels apart so that no two overlap (they sit beside the lines they name). */
function spread(ys: number[], gap = 16): number[] {
  const order = ys.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y);
  for (let k = 1; k < order.length; k++) {
    const prev = order[k - 1]!;
    const cur = order[k]!;
    if (cur.y - prev.y < gap) cur.y = prev.y + gap;
  }
  const out = [...ys];
  for (const { y, i } of order) out[i] = y;
  return out;
}

/**
 * A KPI's readings against its target and its amber and red thresholds, with the zones shaded. The
 * readings table on the same page is the text alternative; the chart's title and description
 * summarise it for screen readers.
 */
export function KpiChart({ kpi, readings }: { kpi: TKpiRecord; readings: readonly TKpiReadingRecord[] }) {
  const id = useId();
  const values = readings.map((r) => r.value);
  const lines = [kpi.target, kpi.amberBand, kpi.redBand];
  let lo = Math.min(...values, ...lines);
  let hi = Math.max(...values, ...lines);
  const pad = (hi - lo) * 0.12 || Math.max(1, Math.abs(hi) * 0.1);
  lo -= pad;
  hi += pad;
  if (kpi.unit === 'percent') [lo, hi] = [Math.max(0, lo), Math.min(100, hi)];
  if (lo > 0 && lo < (hi - lo) * 0.5) lo = 0;
  const y = (v: number) => M.top + PLOT_H - ((v - lo) / (hi - lo || 1)) * PLOT_H;
  const x = (i: number) => (readings.length <= 1 ? M.left + PLOT_W / 2 : M.left + (i * PLOT_W) / (readings.length - 1));
  const fmt = (v: number) => formatKpiValue(v, kpi.unit);

  const higher = kpi.direction === 'higher_is_better';
  // Zones from the bottom of the plot up: where each colour applies.
  const zones: { rag: 'red' | 'amber' | 'green'; from: number; to: number }[] = higher
    ? [
        { rag: 'red', from: lo, to: kpi.redBand },
        { rag: 'amber', from: kpi.redBand, to: kpi.amberBand },
        { rag: 'green', from: kpi.amberBand, to: hi },
      ]
    : [
        { rag: 'green', from: lo, to: kpi.amberBand },
        { rag: 'amber', from: kpi.amberBand, to: kpi.redBand },
        { rag: 'red', from: kpi.redBand, to: hi },
      ];

  const worse = higher ? 'below' : 'above';
  const targetIsAmber = kpi.target === kpi.amberBand;
  const refLines = [
    { value: kpi.target, label: targetIsAmber ? `Target ${fmt(kpi.target)} (amber ${worse})` : `Target ${fmt(kpi.target)}`, stroke: '#0b0c0c', dash: undefined },
    ...(targetIsAmber ? [] : [{ value: kpi.amberBand, label: `Amber ${worse} ${fmt(kpi.amberBand)}`, stroke: '#8a6d00', dash: '6 4' }]),
    { value: kpi.redBand, label: `Red ${worse} ${fmt(kpi.redBand)}`, stroke: '#d4351c', dash: '6 4' },
  ];
  const labelYs = spread(refLines.map((l) => y(l.value) + 4));
  const latest = readings.at(-1);
  const labelEvery = Math.max(1, Math.ceil(readings.length / 8));
  const description = latest
    ? `${readings.length} readings from ${formatDate(readings[0]?.periodEnd)} to ${formatDate(latest.periodEnd)}. Latest ${fmt(latest.value)}. ` +
      `Target ${fmt(kpi.target)}; amber ${worse} ${fmt(kpi.amberBand)}, red ${worse} ${fmt(kpi.redBand)}.`
    : 'No readings yet.';

  return (
    <Box
      component="svg"
      role="img"
      aria-labelledby={`${id}-t ${id}-d`}
      viewBox={`0 0 ${W} ${H}`}
      sx={{ width: '100%', maxWidth: W, height: 'auto', display: 'block', fontFamily: 'Arial, sans-serif' }}
    >
      <title id={`${id}-t`}>{`${kpi.name}: readings against target`}</title>
      <desc id={`${id}-d`}>{description}</desc>
      {zones.map((z) => {
        const top = y(Math.min(hi, Math.max(z.from, z.to)));
        const bottom = y(Math.max(lo, Math.min(z.from, z.to)));
        return bottom > top ? (
          <rect key={z.rag} x={M.left} y={top} width={PLOT_W} height={bottom - top} fill={HEAT_FILLS[z.rag]} opacity={0.45} />
        ) : null;
      })}
      {ticks(lo, hi).map((t) => (
        <g key={t}>
          <line x1={M.left} x2={M.left + PLOT_W} y1={y(t)} y2={y(t)} stroke="#b1b4b6" strokeWidth={0.5} />
          <text x={M.left - 8} y={y(t) + 4} textAnchor="end" fontSize={13} fill="#505a5f">
            {fmt(t)}
          </text>
        </g>
      ))}
      <line x1={M.left} x2={M.left + PLOT_W} y1={M.top + PLOT_H} y2={M.top + PLOT_H} stroke="#0b0c0c" />
      {refLines.map((l, i) => (
        <g key={l.label}>
          <line x1={M.left} x2={M.left + PLOT_W} y1={y(l.value)} y2={y(l.value)} stroke={l.stroke} strokeWidth={2} strokeDasharray={l.dash} />
          <text x={M.left + PLOT_W + 8} y={labelYs[i]} fontSize={13} fontWeight={700} fill={l.stroke}>
            {l.label}
          </text>
        </g>
      ))}
      {readings.length > 1 && (
        <polyline
          points={readings.map((r, i) => `${x(i)},${y(r.value)}`).join(' ')}
          fill="none"
          stroke="#1d70b8"
          strokeWidth={3}
          strokeLinejoin="round"
        />
      )}
      {readings.map((r, i) => (
        <g key={r.id}>
          <circle cx={x(i)} cy={y(r.value)} r={6} fill="#1d70b8" stroke="#ffffff" strokeWidth={2}>
            <title>{`${formatDate(r.periodEnd)}: ${fmt(r.value)} (${RAG_LABELS[r.rag]})`}</title>
          </circle>
          {(i % labelEvery === 0 || i === readings.length - 1) && (
            <text x={x(i)} y={M.top + PLOT_H + 20} textAnchor="middle" fontSize={13} fill="#0b0c0c">
              {formatShortDate(r.periodEnd)}
            </text>
          )}
        </g>
      ))}
      {latest && (
        <text x={x(readings.length - 1)} y={y(latest.value) - 12} textAnchor="middle" fontSize={14} fontWeight={700} fill="#0b0c0c">
          {fmt(latest.value)}
        </text>
      )}
      <text x={M.left + PLOT_W / 2} y={H - 6} textAnchor="middle" fontSize={13} fill="#505a5f">
        Period ending
      </text>
    </Box>
  );
}
