/**
 * The Meeting's user-facing words, in one place: what each operation is called in `Could not <operation>:`
 * (see ../errors.ts).
 */
export const operation = {
  create: "create meeting",
  deactivateAfterCreate: (id: string) => `set meeting ${id} INACTIVE after creating it`,
  read: (id: string) => `read meeting ${id}`,
  update: (id: string) => `update meeting ${id}`,
  replace: (id: string) => `replace meeting ${id}`,
  delete: (id: string) => `delete meeting ${id}`,
  deactivate: (id: string) => `delete (set INACTIVE) meeting ${id}`,
};
