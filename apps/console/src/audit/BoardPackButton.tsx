import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import PdfIcon from '@mui/icons-material/PictureAsPdfOutlined';
import { formatDateTime } from '../format';
import { trpc } from '../providers/trpc';

interface PackPoint { runId: string; eventId: number; at: number; summary: string }

/**
 * "Board pack as at…": pick one of the programme's history events and download the improvement-board
 * pack as it stood then. The same event always gives the same PDF (its sha256 is shown to compare).
 */
export function BoardPackButton({ programmeId }: { programmeId: string }) {
  const [open, setOpen] = useState(false);
  const [points, setPoints] = useState<PackPoint[] | null>(null);
  const [chosen, setChosen] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [made, setMade] = useState<{ fileName: string; sha256: string; url: string } | null>(null);

  const openDialog = () => {
    setOpen(true);
    setError(null);
    trpc.boardPack.events.query({ programmeId }).then(
      (r) => {
        setPoints(r.data);
        const last = r.data.at(-1);
        if (last) setChosen(`${last.runId}/${last.eventId}`);
      },
      (e: Error) => setError(e.message),
    );
  };

  const generate = async () => {
    const [runId, eventId] = chosen.split('/');
    setBusy(true);
    setError(null);
    try {
      const pack = await trpc.boardPack.generate.query({ programmeId, runId: runId!, eventId: Number(eventId) });
      const bytes = Uint8Array.from(atob(pack.base64), (c) => c.charCodeAt(0));
      if (made) URL.revokeObjectURL(made.url);
      const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
      setMade({ fileName: pack.fileName, sha256: pack.sha256, url });
      const a = document.createElement('a');
      a.href = url;
      a.download = pack.fileName;
      a.click();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button startIcon={<PdfIcon />} onClick={openDialog}>Board pack as at…</Button>
      <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby="board-pack-title" fullWidth maxWidth="sm">
        <DialogTitle id="board-pack-title">Board pack as at a history event</DialogTitle>
        <DialogContent>
          <Typography sx={{ mb: 2 }}>
            The pack shows the programme, its actions, escalations, KPIs, visit findings and risks as they stood at the
            event you choose.
          </Typography>
          {points === null && !error && <Typography role="status">Loading the programme’s history…</Typography>}
          {points && (
            <TextField select fullWidth label="As at event" value={chosen} onChange={(e) => setChosen(e.target.value)}>
              {points.map((p) => (
                <MenuItem key={`${p.runId}/${p.eventId}`} value={`${p.runId}/${p.eventId}`}>
                  {`${formatDateTime(new Date(p.at))} — ${p.summary}`}
                </MenuItem>
              ))}
            </TextField>
          )}
          {error && <Alert severity="error" sx={{ mt: 2 }}>{error}</Alert>}
          {made && (
            <Alert severity="success" sx={{ mt: 2 }}>
              <a href={made.url} download={made.fileName}>{made.fileName}</a>
              <Typography variant="body2" sx={{ wordBreak: 'break-all' }}>sha256 {made.sha256}</Typography>
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>Close</Button>
          <Button variant="contained" onClick={generate} disabled={busy || !chosen}>{busy ? 'Generating…' : 'Download PDF'}</Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
