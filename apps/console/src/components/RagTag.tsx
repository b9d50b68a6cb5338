import Typography from '@mui/material/Typography';
import { useRecordContext } from 'react-admin';
import type { TRag } from '../api-types';
import { RAG_LABELS, RAG_TONES } from '../labels';
import type { TFieldProps } from './fields';
import { StatusTag } from './StatusTag';

/** Red / Amber / Green as a tag with the word on it; "No data" when there is nothing to rate. */
export function RagTag({ rag, prefix }: { rag: TRag | null | undefined; prefix?: string }) {
  if (!rag) return <StatusTag label={prefix ? `${prefix}: no data` : 'No data'} tone="grey" />;
  const word = RAG_LABELS[rag];
  return <StatusTag label={prefix ? `${prefix}: ${word}` : word} tone={RAG_TONES[rag]} />;
}

/** A RAG value of the current record, for lists and show pages. */
export function RagField({ source }: TFieldProps) {
  const record = useRecordContext<Record<string, unknown>>();
  const value = record?.[source] as TRag | null | undefined;
  if (record && value === undefined) {
    return (
      <Typography component="span" variant="body2" color="text.secondary">
        Not set
      </Typography>
    );
  }
  return <RagTag rag={value} />;
}
