import { defaultExporter, ExportButton, SaveButton, TextInput, Toolbar, useListContext } from 'react-admin';
import { exportCsv } from '../csv-export';

/**
 * The reason every command carries (auditors read it later). `source` is a dotted path when the
 * reason sits inside react-admin's update payload.
 */
export function ReasonInput({ label = 'Reason for this change', example }: { label?: string; example?: string }) {
  return (
    <TextInput
      source="reason"
      label={label}
      helperText={example ? `Auditors will read this, for example: ‘${example}’` : 'Auditors will read this'}
      multiline
      minRows={2}
      sx={{ maxWidth: 640 }}
    />
  );
}

/** A form's single save button, named after what it does ("Add risk", not "Save"). */
export function CommandToolbar({ label }: { label: string }) {
  return (
    <Toolbar>
      <SaveButton label={label} alwaysEnable />
    </Toolbar>
  );
}

/** The API pages at most 500 rows, so CSV exports ask for at most that many. */
export const EXPORT_LIMIT = 500;

/**
 * "Download CSV" always writes through the product's one CSV writer (@ip/csv): a list that names no
 * exporter of its own would otherwise get react-admin's default one, which leaves formulas live.
 */
export function CsvExportButton() {
  const { exporter, resource } = useListContext();
  const ours = exporter && exporter !== defaultExporter ? exporter : exportCsv(resource);
  return <ExportButton label="Download CSV" maxResults={EXPORT_LIMIT} exporter={ours} />;
}
