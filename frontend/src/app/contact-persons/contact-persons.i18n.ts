import type { ContactPersonAuditedField, ContactRole } from '@tyoelama/shared';

// Contact persons of an employer; translations.ts mounts them under 'contactPersons'.
export const contactPersonsFi = {
  heading: 'Yhteyshenkilöt',
  add: 'Lisää yhteyshenkilö',
  edit: 'Muokkaa',
  editNamed: 'Muokkaa: {name}',
  export: 'Vie tiedot (JSON)',
  exportNamed: 'Vie henkilön {name} tiedot',
  erase: 'Poista henkilötiedot',
  eraseNamed: 'Poista henkilön {name} tiedot',
  eraseTitle: 'Poistetaanko henkilön {name} tiedot?',
  eraseText:
    'Nimi, yhteystiedot, roolit ja muistiinpanot poistetaan pysyvästi myös muutoshistoriasta. Yhteydenotot säilyvät, mutta henkilö näkyy niissä nimellä ”Poistettu henkilö”. Toimintoa ei voi perua.',
  erased: 'Henkilötiedot poistettu.',
  fromEhoks: 'työpaikkaohjaaja, tuotu eHOKSista',
  exported: 'Tiedot ladattu.',
  erasedPerson: 'Poistettu henkilö',
  none: 'Yhteyshenkilöitä ei ole vielä lisätty.',
  newHeading: 'Uusi yhteyshenkilö',
  editHeading: 'Muokkaa yhteyshenkilöä',
  saved: 'Yhteyshenkilö tallennettu.',
  name: 'Nimi',
  title: 'Tehtävänimike',
  email: 'Sähköposti',
  phone: 'Puhelin',
  roles: 'Roolit',
  notes: 'Muistiinpanot',
  notesHint: 'Kirjaa vain työn kannalta tarpeellinen.',
  emailTo: 'sähköposti, {name}',
  callTo: 'puhelin, {name}',
  roleNames: {
    workplace_instructor: 'Työpaikkaohjaaja',
    hr: 'Henkilöstöhallinto',
    management: 'Johto',
    other: 'Muu',
  } satisfies Record<ContactRole, string>,
};

/** The timeline names a contact person's audited fields with these labels: a missing one fails to compile. */
export type ContactPersonAuditLabels = Pick<typeof contactPersonsFi, ContactPersonAuditedField>;

export const contactPersonsEn: typeof contactPersonsFi = {
  heading: 'Contact persons',
  add: 'Add contact person',
  edit: 'Edit',
  editNamed: 'Edit: {name}',
  export: 'Export data (JSON)',
  exportNamed: 'Export the data of {name}',
  erase: 'Erase personal data',
  eraseNamed: 'Erase the data of {name}',
  eraseTitle: 'Erase the data of {name}?',
  eraseText:
    'The name, contact details, roles and notes are removed for good, from the change history too. Contact entries stay, showing the person as “Erased person”. This cannot be undone.',
  erased: 'Personal data erased.',
  fromEhoks: 'workplace instructor, imported from eHOKS',
  exported: 'Data downloaded.',
  erasedPerson: 'Erased person',
  none: 'No contact persons yet.',
  newHeading: 'New contact person',
  editHeading: 'Edit contact person',
  saved: 'Contact person saved.',
  name: 'Name',
  title: 'Job title',
  email: 'Email',
  phone: 'Phone',
  roles: 'Roles',
  notes: 'Notes',
  notesHint: 'Record only what the work needs.',
  emailTo: 'email, {name}',
  callTo: 'phone, {name}',
  roleNames: {
    workplace_instructor: 'Workplace instructor',
    hr: 'HR',
    management: 'Management',
    other: 'Other',
  },
};
