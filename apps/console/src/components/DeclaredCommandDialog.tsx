import type { ReactNode } from 'react';
import { NumberInput, SelectInput, TextInput } from 'react-admin';
import type { CommandForm, CommandFormField } from '@ip/domain';
import { CommandDialog, type TCommandDialogProps } from './CommandDialog';
import { DateInput } from './DateInput';

/** One declared input, as the console renders it. */
function DeclaredField({ field }: { field: CommandFormField }) {
  switch (field.input) {
    case 'number':
      return <NumberInput source={field.source} label={field.label} min={field.min} max={field.max} step={field.step} />;
    case 'date':
      return <DateInput source={field.source} label={field.label} {...(field.helperText ? { helperText: field.helperText } : {})} />;
    case 'select':
      return <SelectInput source={field.source} label={field.label} choices={[...field.choices]} {...(field.emptyText ? { emptyText: field.emptyText } : {})} />;
    case 'text':
      return (
        <TextInput
          source={field.source}
          label={field.label}
          {...(field.type ? { type: field.type } : {})}
          {...(field.helperText ? { helperText: field.helperText } : {})}
          {...(field.multiline ? { multiline: true, minRows: 3 } : {})}
        />
      );
  }
}

export interface TDeclaredCommandDialogProps {
  /** The command's declared form (domain commands/declaration.ts, a command's `form`): button, inputs, messages. */
  form: CommandForm;
  /** The command's zod input (the API's own `.input()`): the dialog checks exactly what the server will. */
  schema: NonNullable<TCommandDialogProps['schema']>;
  fixed: Record<string, unknown>;
  send: TCommandDialogProps['send'];
  /** What only this page knows: an intro naming today's values, default values, a what-if panel. */
  intro?: ReactNode;
  defaultValues?: Record<string, unknown>;
  children?: ReactNode;
}

/**
 * A declared command as a button and a dialog: the inputs its declaration lists, validated by its
 * zod input, sent once per opening (CommandDialog). A new command needs no console code.
 */
export function DeclaredCommandDialog({ form, schema, fixed, send, intro, defaultValues, children }: TDeclaredCommandDialogProps) {
  const introText = intro ?? form.intro;
  const defaults = defaultValues ?? form.defaultValues;
  return (
    <CommandDialog
      label={form.label}
      {...(form.title ? { title: form.title } : {})}
      {...(form.submitLabel ? { submitLabel: form.submitLabel } : {})}
      schema={schema}
      fixed={fixed}
      fields={form.fields.map((f) => f.source)}
      send={send}
      success={form.success}
      reasonExample={form.reasonExample}
      {...(form.reasonLabel ? { reasonLabel: form.reasonLabel } : {})}
      {...(form.required ? { required: { ...form.required } } : {})}
      {...(defaults ? { defaultValues: { ...defaults } } : {})}
      {...(introText ? { intro: introText } : {})}
      {...(form.variant ? { variant: form.variant } : {})}
      {...(form.color ? { color: form.color } : {})}
    >
      {form.fields.map((f) => <DeclaredField key={f.source} field={f} />)}
      {children}
    </CommandDialog>
  );
}
