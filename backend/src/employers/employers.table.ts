import type { EmployerStatus, IndustryClassification, SizeClass } from '@tyoelama/shared';
import { date, defineTable, integer, text, textArray, timestamptz, varchar } from '../database/table';

export const employersTable = defineTable('employers', {
  id: integer(),
  name: varchar(200),
  business_id: varchar(9).orNull(),
  industry_classification: varchar(7).as<IndustryClassification>().orNull(),
  industry_section: varchar(1).orNull(),
  industry_code: varchar(5).orNull(),
  municipality: varchar(100).orNull(),
  street_address: varchar(200).orNull(),
  postcode: varchar(5).orNull(),
  website: varchar(300).orNull(),
  size_class: varchar(6).as<SizeClass>().orNull(),
  owner_campus_group_id: integer(),
  account_manager_id: integer().orNull(),
  status: varchar(10).as<EmployerStatus>(),
  tags: textArray(),
  description: text().orNull(),
  archived_at: timestamptz().orNull(),
  /** Derived from contact entries, kept for sorting and "no contact for N days". */
  last_contact_at: timestamptz().orNull(),
  /** Derived from open follow-ups. */
  next_follow_up_due: date().orNull(),
  created_by: integer().orNull(),
  created_at: timestamptz(),
  updated_at: timestamptz(),
  version: integer(),
});

/** Every campus group that sees an employer, its owning group included, so scoping is one EXISTS. */
export const employerCampusGroupsTable = defineTable('employer_campus_groups', {
  employer_id: integer(),
  campus_group_id: integer(),
});

/** The words employer names use, kept by a trigger (see the EmployerNameWords migration) for name search. */
export const employerNameWordsTable = defineTable('employer_name_words', {
  word: text(),
});
