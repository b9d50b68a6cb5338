import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import MenuItem from '@mui/material/MenuItem';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import PdfIcon from '@mui/icons-material/PictureAsPdfOutlined';
import { PlainDateInput } from '../components/DateInput';
import { formatDateTime } from '../format';
import { trpc } from '../providers/trpc';
import { BasisChoice, type TBasis } from './BasisChoice';

interface PackPoint { runId: string; eventId: number; at: number; summary: string }
type TWhen = 'now' | 'date' | 'event';

/**
 * "Board pack as at…": the improvement-board pack of the programme and every workflow of it as at
 * now (the default), the end of a chosen day, or (as before) one of the programme's history events,
 * on either basis (recorded by then, or happened by then). "Now" is fixed when the dialog opens, so
 * every download from it is the same PDF; its sha256 and instant are shown to make it again.
 */
export function BoardPackButton({ programmeId }: { programmeId: string }) {
  const [open, setOpen] = useState(false);
  const [now, setNow] = useState(0);
  const [when, setWhen] = useState<TWhen>('now');
  const [day, setDay] = useState('');
  const [basis, setBasis] = useState<TBasis>('recorded');
  const [points, setPoints] = useState<PackPoint[] | null>(null);
  const [chosen, setChosen] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [made, setMade] = useState<{ fileName: string; sha256: string; url: string; at: number; basis: TBasis } | null>(null);

  const openDialog = () => {
    setOpen(true);
    setError(null);
    setNow(Date.now());
  };

  const chooseWhen = (w: TWhen) => {
    setWhen(w);
    if (w === 'event') {
      setBasis('recorded'); // a history event is a moment of recording
      if (points === null) {
        trpc.boardPack.events.query({ programmeId }).then(
          (r) => {
            setPoints(r.data);
            const last = r.data.at(-1);
            if (last) setChosen(`${last.runId}/${last.eventId}`);
          },
          (e: Error) => setError(e.message),
        );
      }
    }
  };

  const ready = when === 'now' || (when === 'date' && day !== '') || (when === 'event' && chosen !== '');
  // Catches its own failure (shown in the dialog), so the button calls it with `void`.
  const generate = async () => {
    const [runId, eventId] = chosen.split('/');
    setBusy(true);
    setError(null);
    try {
      const point = when === 'event' ? { runId: runId!, eventId: Number(eventId) } : { at: when === 'now' ? now : day };
      const pack = await trpc.boardPack.generate.query({ programmeId, basis: when === 'event' ? 'recorded' : basis, ...point });
      const bytes = Uint8Array.from(atob(pack.base64), (c) => c.charCodeAt(0));
      if (made) URL.revokeObjectURL(made.url);
      const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
      setMade({ fileName: pack.fileName, sha256: pack.sha256, url, at: pack.at, basis: pack.basis });
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
        <DialogTitle id="board-pack-title">Board pack</DialogTitle>
        <DialogContent>
          <Typography sx={{ mb: 2 }}>
            The pack shows the programme, its actions, monitoring visits, DfE intervention, information requests,
            escalations, KPIs and risks as they stood at the moment you choose, with the dashboard’s figures for that moment.
          </Typography>
          <FormControl component="fieldset" sx={{ mb: 2 }}>
            <FormLabel component="legend" sx={{ color: 'text.primary', fontWeight: 700 }}>As at</FormLabel>
            <RadioGroup name="board-pack-when" value={when} onChange={(e) => chooseWhen(e.target.value as TWhen)}>
              <FormControlLabel value="now" control={<Radio />} label={`Now (${formatDateTime(new Date(now || Date.now()))})`} />
              <FormControlLabel value="date" control={<Radio />} label="The end of a day" />
              <FormControlLabel value="event" control={<Radio />} label="Just after a change to the programme" />
            </RadioGroup>
          </FormControl>
          {when === 'date' && <PlainDateInput name="board-pack-day" label="Day" value={day} onChange={setDay} />}
          {when === 'event' && points === null && !error && <Typography role="status">Loading the programme’s history…</Typography>}
          {when === 'event' && points && (
            <TextField select fullWidth label="As at event" value={chosen} onChange={(e) => setChosen(e.target.value)} sx={{ mb: 2 }}>
              {points.map((p) => (
                <MenuItem key={`${p.runId}/${p.eventId}`} value={`${p.runId}/${p.eventId}`}>
                  {`${formatDateTime(new Date(p.at))} — ${p.summary}`}
                </MenuItem>
              ))}
            </TextField>
          )}
          {when !== 'event' && <BasisChoice name="board-pack-basis" value={basis} onChange={setBasis} />}
          {error && <Alert severity="error" sx={{ mt: 2 }}>{error}</Alert>}
          {made && (
            <Alert severity="success" sx={{ mt: 2 }}>
              <a href={made.url} download={made.fileName}>{made.fileName}</a>
              <Typography variant="body2">
                As at {formatDateTime(new Date(made.at))} ({made.basis === 'recorded' ? 'recorded by then' : 'happened by then'})
              </Typography>
              <Typography variant="body2" sx={{ wordBreak: 'break-all' }}>sha256 {made.sha256}</Typography>
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>Close</Button>
          <Button variant="contained" onClick={() => void generate()} disabled={busy || !ready}>{busy ? 'Generating…' : 'Download PDF'}</Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
