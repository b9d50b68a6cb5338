import type { TRag } from '../api-types';

/** GOV.UK red, yellow and green: the strong RAG colours of the dashboard's bars, edges and keys. */
export const RAG_COLOURS: Record<TRag, string> = { red: '#d4351c', amber: '#ffbf47', green: '#00703c' };
