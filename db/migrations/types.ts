/** One step of the schema; applied once, in order, inside a transaction that also bumps user_version. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}
