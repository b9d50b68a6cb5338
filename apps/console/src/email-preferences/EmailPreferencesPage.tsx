import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { Loading, SelectInput, Title } from 'react-admin';
import { ZSetDeliveryPreferenceInput } from '@ip/domain';
import { CommandDialog } from '../components/CommandDialog';
import { SummaryList } from '../components/SummaryList';
import { trpc } from '../providers/trpc';
import { useApiQuery } from '../use-api-query';

const ZSetMine = ZSetDeliveryPreferenceInput.omit({ email: true });
const modeChoices = [
  { id: 'immediate', name: 'At once, one email each' },
  { id: 'digest', name: 'In one daily digest' },
];
const words = (m: string) => (m === 'digest' ? 'In one daily digest' : 'At once, one email each');

/** Anyone signed in: how their own reminders and escalations reach them. */
export function EmailPreferencesPage() {
  // The dialog's refresh() after a save refetches it (react-admin's query cache).
  const { data, isPending } = useApiQuery('deliveryPreferences.mine', (signal) => trpc.deliveryPreferences.mine.query(undefined, { signal }));
  return (
    <Box sx={{ p: { xs: 2, sm: 3 }, maxWidth: 760 }}>
      <Title title="Your email preferences" />
      <Typography component="h1" variant="h4" gutterBottom>
        Your email preferences
      </Typography>
      <Typography variant="body1" sx={{ mb: 2 }}>
        Reminders and escalations come by email to {data?.data.email ?? 'your address'}. Choose, for each kind, one email at once
        or one daily digest at the set time on working days. Escalations at director level and above always come at once.
      </Typography>
      {isPending || !data ? (
        <Loading />
      ) : (
        <>
          <SummaryList
            rows={[
              ['Reminders', words(data.data.reminders)],
              ['Escalations', words(data.data.escalations)],
              ['Chosen', data.data.isDefault ? 'Not yet: everything comes at once' : 'Yes'],
            ]}
          />
          <Box sx={{ mt: 2 }}>
            <CommandDialog
              label="Change your email preferences"
              variant="contained"
              schema={ZSetMine}
              fields={['preference.reminders', 'preference.escalations', 'reason']}
              defaultValues={{ preference: { reminders: data.data.reminders, escalations: data.data.escalations } }}
              send={(input) => trpc.deliveryPreferences.setMine.mutate(input as never)}
              success="Email preferences saved"
              reasonExample="One email a day is enough for reminders"
            >
              <SelectInput source="preference.reminders" label="Reminders" choices={modeChoices} />
              <SelectInput source="preference.escalations" label="Escalations" choices={modeChoices} />
            </CommandDialog>
          </Box>
        </>
      )}
    </Box>
  );
}
