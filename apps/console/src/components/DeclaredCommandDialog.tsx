import type { ReactNode } from 'react';
import { NumberInput, SelectInput, TextInput } from 'react-admin';
import type { CommandForm, CommandFormField } from '@ip/domain';
import { CommandDialog, type TCommandDialogProps } from './CommandDialog';
import { DateInput } from './DateInput';
import { linesToList } from '../forms/zod-form-resolver';

const ONE_A_LINE = 'One a line';

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
          {...(field.multiline ? { multiline: true, minRows: field.rows ?? 3 } : {})}
        />
      );
    case 'lines':
      return <TextInput source={field.source} label={field.label} helperText={field.helperText ?? ONE_A_LINE} multiline minRows={field.rows ?? 3} />;
  }
}

/** The form's values as the command takes them: each 'lines' answer as its list of non-blank lines (none when left empty). */
function listsFromLines(fields: readonly CommandFormField[]) {
  const lists = fields.filter((f) => f.input === 'lines').map((f) => f.source.split('.'));
  if (lists.length === 0) return undefined;
  return (values: Record<string, unknown>) => {
    const out: Record<string, unknown> = { ...values };
    for (const path of lists) {
      let at = out;
      for (const key of path.slice(0, -1)) {
        const inner = at[key];
        at = at[key] = { ...(inner && typeof inner === 'object' ? inner : {}) } as Record<string, unknown>;
      }
      const last = path[path.length - 1]!;
      at[last] = linesToList(at[last] ?? '');
    }
    return out;
  };
}

/**
 * The paths the server's errors may name, in the form's order: each input's, preceded by the group
 * it belongs to ("findings" before "findings.areasOfProgress"), whose own errors (at least one
 * finding) show above the inputs; and those groups.
 */
function fieldPaths(fields: readonly CommandFormField[]) {
  const groups: string[] = [];
  const paths: string[] = [];
  for (const { source } of fields) {
    const group = source.includes('.') ? source.slice(0, source.lastIndexOf('.')) : null;
    if (group && !groups.includes(group)) {
      groups.push(group);
      paths.push(group);
    }
    paths.push(source);
  }
  return { paths, groups };
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
  const convert = listsFromLines(form.fields);
  const { paths, groups } = fieldPaths(form.fields);
  return (
    <CommandDialog
      label={form.label}
      {...(form.title ? { title: form.title } : {})}
      {...(form.submitLabel ? { submitLabel: form.submitLabel } : {})}
      schema={schema}
      fixed={fixed}
      fields={paths}
      {...(groups.length > 0 ? { summaryPaths: groups } : {})}
      {...(convert ? { convert } : {})}
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
