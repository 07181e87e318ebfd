// The own password change's strings; fi.ts and en.ts mount them under 'changePassword'.
export const changePasswordFi = {
  nav: 'Vaihda salasana',
  title: 'Salasanan vaihto',
  heading: 'Vaihda salasanasi',
  intro:
    'Uuden salasanan on oltava vähintään {limit} merkkiä pitkä. Pitkä lause tai useampi sana käy hyvin. Yleisiä salasanoja, toistoa tai omaa nimeäsi tai sähköpostiosoitettasi ei hyväksytä.',
  current: 'Nykyinen salasana',
  new: 'Uusi salasana',
  confirm: 'Uusi salasana uudelleen',
  newHint: 'Vähintään {limit} merkkiä.',
  submit: 'Vaihda salasana',
  submitting: 'Vaihdetaan…',
  changed: 'Salasana vaihdettu. Muilla laitteilla olleet istuntosi päättyivät; tämä jatkuu.',
};

export const changePasswordEn: typeof changePasswordFi = {
  nav: 'Change password',
  title: 'Change password',
  heading: 'Change your password',
  intro:
    'The new password must be at least {limit} characters long. A long sentence or several words work well. Common passwords, repetition, or your own name or email address are not accepted.',
  current: 'Current password',
  new: 'New password',
  confirm: 'New password again',
  newHint: 'At least {limit} characters.',
  submit: 'Change password',
  submitting: 'Changing…',
  changed: 'Password changed. Your sessions on other devices have ended; this one goes on.',
};
