import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * GDPR erasure scrubs a contact person's personal data from the audit trail. The app role may only
 * read and append audit rows, so the scrub runs as this function's owner (SECURITY DEFINER) and does
 * only that: for a person already erased or deleted, it replaces the values of the personal fields
 * (the AUDITED_FIELDS of contacts.service.ts) with the erased marker, nulls staying null. The
 * append-only trigger lets the UPDATE through because the function sets crm.audit_redaction for its
 * own duration only.
 */
export class AuditRedactionFunction1764120000000 implements MigrationInterface {
  name = 'AuditRedactionFunction1764120000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION crm_redact_contact_person_audit(person_id integer) RETURNS void
        LANGUAGE plpgsql SECURITY DEFINER
        SET search_path = pg_catalog, public
        SET crm.audit_redaction = 'on'
      AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM public.contact_persons WHERE id = person_id AND erased_at IS NULL) THEN
          RAISE EXCEPTION 'contact person % is not erased', person_id USING ERRCODE = 'insufficient_privilege';
        END IF;
        UPDATE public.audit_events a SET changes = (
          SELECT COALESCE(jsonb_object_agg(c.key, CASE WHEN c.key = ANY (ARRAY['name', 'title', 'email', 'phone', 'roles', 'notes']) THEN
                   CASE jsonb_typeof(c.value)
                     WHEN 'array' THEN (SELECT COALESCE(jsonb_agg(CASE WHEN v = 'null'::jsonb THEN v ELSE to_jsonb('[erased]'::text) END ORDER BY i), '[]'::jsonb)
                                          FROM jsonb_array_elements(c.value) WITH ORDINALITY AS x(v, i))
                     WHEN 'null' THEN c.value
                     ELSE to_jsonb('[erased]'::text)
                   END
                 ELSE c.value END), '{}'::jsonb)
            FROM jsonb_each(a.changes) c)
        WHERE a.entity_type = 'contact_person' AND a.entity_id = person_id;
      END
      $$`);
    await queryRunner.query(`REVOKE ALL ON FUNCTION crm_redact_contact_person_audit(integer) FROM PUBLIC`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION crm_redact_contact_person_audit(integer)`);
  }
}
