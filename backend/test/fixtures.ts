import type { DataSource } from 'typeorm';

/** Rows inserted directly, for tests of features that need an employer but do not test employers. */
export async function insertEmployer(
  dataSource: DataSource,
  values: {
    name: string;
    ownerCampusGroupId: number;
    campusGroupIds?: number[];
    businessId?: string | null;
    accountManagerId?: number | null;
  },
): Promise<number> {
  const [{ id }] = await dataSource.query(
    `INSERT INTO employers (name, business_id, owner_campus_group_id, account_manager_id) VALUES ($1, $2, $3, $4) RETURNING id`,
    [values.name, values.businessId ?? null, values.ownerCampusGroupId, values.accountManagerId ?? null],
  );
  const groups = new Set([values.ownerCampusGroupId, ...(values.campusGroupIds ?? [])]);
  for (const groupId of groups) {
    await dataSource.query(`INSERT INTO employer_campus_groups (employer_id, campus_group_id) VALUES ($1, $2)`, [
      id,
      groupId,
    ]);
  }
  return id;
}

export async function insertContactPerson(dataSource: DataSource, employerId: number, name: string): Promise<number> {
  const [{ id }] = await dataSource.query(
    `INSERT INTO contact_persons (employer_id, name) VALUES ($1, $2) RETURNING id`,
    [employerId, name],
  );
  return id;
}

export async function auditRows(dataSource: DataSource, entityType: string, entityId: number) {
  const rows: {
    actor_id: number | null;
    action: string;
    changes: Record<string, [unknown, unknown]>;
    employer_id: number | null;
  }[] = await dataSource.query(
    `SELECT actor_id, action, changes, employer_id FROM audit_events WHERE entity_type = $1 AND entity_id = $2 ORDER BY id`,
    [entityType, entityId],
  );
  return rows;
}
