import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { SelectInput, TextInput } from 'react-admin';
import { z } from 'zod';
import { ZCommandMeta, ZIsoDate, type TCalendarOverrides } from '@ip/domain';
import { CommandDialog } from '../components/CommandDialog';
import { DateInput } from '../components/DateInput';
import { zodFormResolver } from '../forms/zod-form-resolver';
import { formatDate } from '../format';
import { trpc } from '../providers/trpc';

type TSend = (overrides: TCalendarOverrides, reason: string, clientRequestId: string) => Promise<unknown>;

const ZAddForm = z.object({
  change: z.enum(['add', 'remove']),
  date: ZIsoDate,
  title: z.string().trim().max(200).optional(),
  reason: ZCommandMeta.shape.reason,
}).superRefine((v, ctx) => {
  if (v.change === 'add' && !v.title) ctx.addIssue({ code: 'custom', path: ['title'], message: 'Name the day, for example “Bank holiday for the state funeral”' });
});
type TAddForm = z.infer<typeof ZAddForm>;
const addResolver = zodFormResolver(ZAddForm, { change: 'Select the kind of change', date: 'Enter the date', reason: 'Give a reason, for example the proclamation' });
const changeChoices = [
  { id: 'add', name: 'An extra non-working day (a one-off bank holiday)' },
  { id: 'remove', name: 'A bank holiday that is now a working day (moved by proclamation)' },
];

/** The server names the changed entry by its place in the lists; the form has one date and title. */
const RENAME = Object.fromEntries(
  Array.from({ length: 100 }, (_, i): [string, string][] => [
    [`calendarOverrides.remove.${i}`, 'date'],
    [`calendarOverrides.add.${i}.date`, 'date'],
    [`calendarOverrides.add.${i}.title`, 'title'],
  ]).flat(),
);

const ZRemoveForm = z.object({ reason: ZCommandMeta.shape.reason });
const removeResolver = zodFormResolver(ZRemoveForm, { reason: 'Give a reason for undoing this change' });

/**
 * The programme's one-off calendar changes: extra non-working days and bank holidays cancelled.
 * Every working-day clock of the programme is recalculated on the new calendar. Each change is a
 * command with a reason; the server refuses impossible ones (Christmas Day cannot become a working day).
 */
export function CalendarOverridesEditor({ overrides, send }: { overrides: TCalendarOverrides; send: TSend }) {
  const without = (date: string): TCalendarOverrides => ({ add: overrides.add.filter((a) => a.date !== date), remove: overrides.remove.filter((d) => d !== date) });
  const rows = [
    ...overrides.add.map((a) => ({ date: a.date, what: `Non-working day: ${a.title}` })),
    ...overrides.remove.map((d) => ({ date: d, what: 'Working day (bank holiday cancelled)' })),
  ].sort((a, b) => a.date.localeCompare(b.date));
  return (
    <Box>
      {rows.length === 0 ? (
        <Typography sx={{ mb: 2 }}>No changes: the programme uses GOV.UK’s England and Wales bank holidays.</Typography>
      ) : (
        <Table size="small" aria-labelledby="calendar-heading" sx={{ mb: 2 }}>
          <TableHead>
            <TableRow>
              <TableCell component="th" scope="col">Date</TableCell>
              <TableCell component="th" scope="col">Change</TableCell>
              <TableCell component="th" scope="col"><Box component="span" sx={{ position: 'absolute', left: -9999 }}>Actions</Box></TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={row.date}>
                <TableCell component="th" scope="row"><time dateTime={row.date}>{formatDate(row.date)}</time></TableCell>
                <TableCell>{row.what}</TableCell>
                <TableCell align="right">
                  <CommandDialog<z.infer<typeof ZRemoveForm>>
                    label={`Undo ${formatDate(row.date)}`}
                    title={`Undo the change for ${formatDate(row.date)}`}
                    submitLabel="Undo change"
                    reasonExample="Proclamation withdrawn"
                    success="Calendar changed"
                    resolver={removeResolver}
                    fields={['reason']}
                    send={({ reason, clientRequestId }) => send(without(row.date), reason, clientRequestId)}
                  >
                  </CommandDialog>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <CommandDialog<TAddForm>
        label="Change the calendar"
        title="Change the programme’s working-day calendar"
        submitLabel="Change calendar"
        reasonExample="Proclamation of 12 May 2026"
        success="Calendar changed"
        variant="contained"
        resolver={addResolver}
        fields={['change', 'date', 'title', 'reason']}
        rename={RENAME}
        send={({ change, date, title, reason, clientRequestId }) => {
          const rest = without(date);
          const next = change === 'add' ? { ...rest, add: [...rest.add, { date, title: title ?? '' }] } : { ...rest, remove: [...rest.remove, date] };
          return send(next, reason, clientRequestId);
        }}
      >
        <SelectInput source="change" label="Kind of change" choices={changeChoices} emptyText="Select" />
        <DateInput source="date" label="Date" />
        <TextInput source="title" label="Name of the day (for a non-working day)" helperText="For example, Bank holiday for the coronation" />
      </CommandDialog>
    </Box>
  );
}

export const sendCalendar = (programmeId: string): TSend => (calendarOverrides, reason, clientRequestId) =>
  trpc.programmes.configure.mutate({ programmeId, clientRequestId, reason, calendarOverrides });
