// The bundle floor for figure 7: the smallest react-admin app with one resource (list, edit,
// create), built with the same vite, plugin and react-admin versions as the console.
import { createRoot } from 'react-dom/client';
import { Admin, Create, Datagrid, Edit, List, Resource, SimpleForm, TextField, TextInput, type DataProvider } from 'react-admin';

const rows = [{ id: 1, title: 'Strengthen the front door' }];
const dataProvider = {
  getList: async () => ({ data: rows, total: rows.length }),
  getOne: async (_r: string, p: { id: unknown }) => ({ data: rows.find((r) => r.id === p.id) ?? rows[0] }),
  getMany: async () => ({ data: rows }),
  getManyReference: async () => ({ data: rows, total: rows.length }),
  create: async (_r: string, p: { data: object }) => ({ data: { id: 2, ...p.data } }),
  update: async (_r: string, p: { data: object }) => ({ data: p.data }),
  updateMany: async () => ({ data: [] }),
  delete: async (_r: string, p: { previousData: object }) => ({ data: p.previousData }),
  deleteMany: async () => ({ data: [] }),
} as unknown as DataProvider;

const ActionList = () => (<List><Datagrid><TextField source="id" /><TextField source="title" /></Datagrid></List>);
const ActionEdit = () => (<Edit><SimpleForm><TextInput source="title" /></SimpleForm></Edit>);
const ActionCreate = () => (<Create><SimpleForm><TextInput source="title" /></SimpleForm></Create>);

createRoot(document.getElementById('root')!).render(
  <Admin dataProvider={dataProvider}>
    <Resource name="actions" list={ActionList} edit={ActionEdit} create={ActionCreate} />
  </Admin>,
);
