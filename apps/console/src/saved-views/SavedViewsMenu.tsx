import { useCallback, useId, useState, type MouseEvent } from 'react';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Divider from '@mui/material/Divider';
import ListItemText from '@mui/material/ListItemText';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Typography from '@mui/material/Typography';
import ViewIcon from '@mui/icons-material/BookmarksOutlined';
import { BooleanInput, Form, SaveButton, TextInput, useGetList, useListContext, useNotify } from 'react-admin';
import { z } from 'zod';
import { ZSavedView } from '@ip/domain';
import type { TSavedViewRecord } from '../api-types';
import { useCommand } from '../forms/use-command';
import { zodFormResolver } from '../forms/zod-form-resolver';
import { trpc } from '../providers/trpc';
import { useCanMutate } from '../use-can-mutate';

/** What a saved view keeps of a list: its filters (and which are shown), sort and page size. */
export interface TListViewParams {
  filter: Record<string, unknown>;
  displayedFilters?: Record<string, boolean>;
  sort?: { field: string; order: 'ASC' | 'DESC' };
  perPage?: number;
}

const ZSaveViewForm = z.object({ name: ZSavedView.shape.name, shared: z.boolean().default(false) });
type TSaveViewForm = z.infer<typeof ZSaveViewForm>;
const resolver = zodFormResolver(ZSaveViewForm, { name: 'Name the view, for example “Red actions in early help”' });
const FIELDS = ['view.name', 'name', 'shared'] as const;
const RENAME = { 'view.name': 'name', 'view.shared': 'shared' };
const DEFAULTS = { shared: false };

function SaveViewDialog({ resource, params, onDone }: { resource: string; params: TListViewParams; onDone: (saved: boolean) => void }) {
  const notify = useNotify();
  const send = useCallback(
    ({ name, shared, clientRequestId }: TSaveViewForm & { clientRequestId: string }) =>
      trpc.savedViews.create.mutate({ clientRequestId, view: { resource, name, shared, params: params as unknown as Parameters<typeof trpc.savedViews.create.mutate>[0]["view"]["params"] } }),
    [resource, params],
  );
  const onSuccess = useCallback(() => {
    notify('View saved', { type: 'success', messageArgs: { _: 'View saved' } });
    onDone(true);
  }, [notify, onDone]);
  const submit = useCommand<TSaveViewForm, unknown>(send, { fields: FIELDS, rename: RENAME, onSuccess });
  return (
    <Form record={{}} defaultValues={DEFAULTS} resolver={resolver} onSubmit={(v: object) => submit(v as TSaveViewForm)}>
      <DialogContent dividers>
        <Typography variant="body2" sx={{ mb: 2 }}>
          Saves this list’s filters, sort order and page size under a name, so you can come back to it from “Saved views”.
        </Typography>
        <TextInput source="name" label="Name of the view" />
        <BooleanInput source="shared" label="Share with the team (everyone can apply it; only you can change it)" />
      </DialogContent>
      <DialogActions>
        <Button onClick={() => onDone(false)}>Cancel</Button>
        <SaveButton label="Save view" alwaysEnable />
      </DialogActions>
    </Form>
  );
}

/**
 * "Saved views" on a list: apply a view saved by you or shared by the team, or save the list's
 * current filters and sort as a named view on the server (programme managers and admins; auditors
 * may apply views but change nothing).
 */
export function SavedViewsMenu({ resource }: { resource: string }) {
  const list = useListContext();
  const canMutate = useCanMutate();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [saving, setSaving] = useState(false);
  const menuId = useId();
  const { data: views = [], refetch } = useGetList<TSavedViewRecord>('savedViews', {
    filter: { resource },
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'name', order: 'ASC' },
  });
  const params: TListViewParams = {
    // react-admin types both as any.
    filter: (list.filterValues ?? {}) as Record<string, unknown>,
    displayedFilters: (list.displayedFilters ?? {}) as Record<string, boolean>,
    sort: list.sort,
    perPage: list.perPage,
  };
  const apply = (view: TSavedViewRecord) => {
    const p = view.params as unknown as TListViewParams;
    setAnchor(null);
    list.setFilters(p.filter ?? {}, p.displayedFilters ?? {});
    if (p.sort) list.setSort(p.sort);
    if (p.perPage) list.setPerPage(p.perPage);
  };
  const done = (saved: boolean) => {
    setSaving(false);
    if (saved) void refetch();
  };
  return (
    <>
      <Button
        size="small"
        startIcon={<ViewIcon />}
        aria-haspopup="menu"
        aria-controls={anchor ? menuId : undefined}
        aria-expanded={anchor ? 'true' : undefined}
        onClick={(e: MouseEvent<HTMLElement>) => setAnchor(e.currentTarget)}
      >
        Saved views
      </Button>
      <Menu id={menuId} anchorEl={anchor} open={Boolean(anchor)} onClose={() => setAnchor(null)}>
        {views.length === 0 && (
          <MenuItem disabled>
            <ListItemText primary="No saved views yet" />
          </MenuItem>
        )}
        {views.map((view) => (
          <MenuItem key={view.id} onClick={() => apply(view)}>
            <ListItemText primary={view.name} secondary={view.mine ? (view.shared ? 'Yours, shared with the team' : 'Yours') : 'Shared by a colleague'} />
          </MenuItem>
        ))}
        {canMutate && <Divider />}
        {canMutate && (
          <MenuItem
            onClick={() => {
              setAnchor(null);
              setSaving(true);
            }}
          >
            Save the current view…
          </MenuItem>
        )}
      </Menu>
      <Dialog open={saving} onClose={() => setSaving(false)} maxWidth="sm" fullWidth>
        <DialogTitle>Save this view</DialogTitle>
        {saving && <SaveViewDialog resource={resource} params={params} onDone={done} />}
      </Dialog>
    </>
  );
}
