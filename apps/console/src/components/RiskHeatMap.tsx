import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { Link, useCreatePath } from 'react-admin';
import { DEFAULT_RISK_BANDS } from '@ip/domain';
import type { THeatMapGrid, TRag } from '../api-types';
import { IMPACT_WORDS, LIKELIHOOD_WORDS, RAG_LABELS } from '../labels';
import { VisuallyHidden } from './VisuallyHidden';

/** Cell fills: tints strong enough to read as a heat map, with black text at 7:1 or more. */
export const HEAT_FILLS: Record<TRag, string> = { green: '#bfe3cf', amber: '#ffe28a', red: '#f3a899' };

/**
 * The 5×5 risk heat map as a real table: impact down the side (5 at the top, as printed), likelihood
 * along the top. Each cell says its score and RAG in words (hidden visually, where the colour and
 * the number show it) and lists the risks in it, linked when their ids are known.
 */
export function RiskHeatMap({
  grid,
  caption,
  idsByRef = {},
  compact = false,
}: {
  grid: THeatMapGrid;
  caption: string;
  idsByRef?: Record<string, string>;
  compact?: boolean;
}) {
  const createPath = useCreatePath();
  const cellSize = compact ? 64 : 88;
  const headStyle = { fontWeight: 700, fontSize: '0.85rem', p: 0.75, textAlign: 'center' as const, lineHeight: 1.2 };
  return (
    <Box component="table" sx={{ borderCollapse: 'separate', borderSpacing: '3px', tableLayout: 'fixed' }}>
      <Typography component="caption" sx={{ captionSide: 'top', textAlign: 'left', fontWeight: 700, fontSize: '1.1rem', pb: 1 }}>
        {caption}
      </Typography>
      <thead>
        <tr>
          <Box component="td" sx={{ width: compact ? 84 : 104 }} />
          <Box component="th" scope="colgroup" colSpan={5} sx={{ ...headStyle, fontSize: '0.95rem' }}>
            Likelihood <span aria-hidden="true">→</span>
          </Box>
        </tr>
        <tr>
          <Box component="th" scope="col" sx={{ ...headStyle, textAlign: 'left' }}>
            Impact <span aria-hidden="true">↓</span>
          </Box>
          {LIKELIHOOD_WORDS.map((word, i) => (
            <Box component="th" scope="col" key={word} sx={{ ...headStyle, width: cellSize }}>
              {i + 1}
              <Box component="span" sx={{ display: 'block', fontWeight: 400 }}>
                {word}
              </Box>
            </Box>
          ))}
        </tr>
      </thead>
      <tbody>
        {grid.map((row) => {
          const impact = row[0]?.impact ?? 0;
          return (
            <tr key={impact}>
              <Box component="th" scope="row" sx={{ ...headStyle, textAlign: 'left' }}>
                {impact}{' '}
                <Box component="span" sx={{ fontWeight: 400 }}>
                  {IMPACT_WORDS[impact - 1]}
                </Box>
              </Box>
              {row.map((cell) => (
                <Box
                  component="td"
                  key={cell.key}
                  sx={{
                    backgroundColor: HEAT_FILLS[cell.rag],
                    height: cellSize,
                    width: cellSize,
                    verticalAlign: 'top',
                    p: 0.75,
                    position: 'relative',
                    outline: cell.refs.length > 0 ? '2px solid #0b0c0c' : 'none',
                    outlineOffset: '-2px',
                  }}
                >
                  <VisuallyHidden>
                    {`${RAG_LABELS[cell.rag]}, score ${cell.score}. `}
                    {cell.refs.length === 0 ? 'No risks.' : `${cell.refs.length} ${cell.refs.length === 1 ? 'risk' : 'risks'}: `}
                  </VisuallyHidden>
                  <Box component="span" aria-hidden="true" sx={{ position: 'absolute', right: 6, top: 4, fontSize: '0.8rem', color: '#0b0c0c' }}>
                    {cell.score}
                  </Box>
                  {cell.refs.length > 0 && (
                    <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0, pt: 1.5, display: 'flex', flexWrap: 'wrap', gap: 0.5 }}>
                      {cell.refs.map((ref) => {
                        const id = idsByRef[ref];
                        return (
                          <Box component="li" key={ref} sx={{ fontWeight: 700, fontSize: compact ? '0.85rem' : '0.95rem' }}>
                            {id ? (
                              <Link to={createPath({ resource: 'risks', type: 'show', id })} sx={{ color: '#0b0c0c' }}>
                                {ref}
                              </Link>
                            ) : (
                              ref
                            )}
                          </Box>
                        );
                      })}
                    </Box>
                  )}
                </Box>
              ))}
            </tr>
          );
        })}
      </tbody>
    </Box>
  );
}

/** What the colours mean: the score bands the API rates with. */
export function HeatMapLegend() {
  const { amberFrom, redFrom } = DEFAULT_RISK_BANDS;
  const items: [TRag, string][] = [
    ['green', `Green: score 1 to ${amberFrom - 1}`],
    ['amber', `Amber: score ${amberFrom} to ${redFrom - 1}`],
    ['red', `Red: score ${redFrom} to 25`],
  ];
  return (
    <Box component="ul" aria-label="Heat map key" sx={{ listStyle: 'none', m: 0, p: 0, display: 'flex', flexWrap: 'wrap', gap: 3 }}>
      {items.map(([rag, text]) => (
        <Box component="li" key={rag} sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
          <Box aria-hidden="true" sx={{ width: 24, height: 24, backgroundColor: HEAT_FILLS[rag], border: '1px solid #505a5f' }} />
          <Typography variant="body2">{text}</Typography>
        </Box>
      ))}
      <Box component="li">
        <Typography variant="body2">Score = likelihood × impact. Outlined cells hold at least one risk.</Typography>
      </Box>
    </Box>
  );
}
