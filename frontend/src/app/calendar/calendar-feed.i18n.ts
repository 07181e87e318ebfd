// The calendar feed settings' strings; fi.ts and en.ts mount them under 'calendarFeed'.
export const calendarFeedFi = {
  nav: 'Kalenterisyöte',
  title: 'Kalenterisyöte',
  heading: 'Jatkotoimenpiteet omaan kalenteriin',
  intro:
    'Kalenterisyöte tuo sinulle osoitetut avoimet jatkotoimenpiteet kalenteriisi (Outlook, Google-kalenteri, iPhone). Kalenteri hakee syötteen itse muutaman tunnin välein.',
  howTo:
    'Luo osoite, kopioi se ja lisää kalenteriisi tilattavana kalenterina (esim. Outlookissa "Lisää kalenteri" → "Verkosta").',
  secret:
    'Osoite on kuin salasana: kuka tahansa, jolla se on, näkee jatkotoimenpiteidesi otsikot. Älä jaa sitä. Jos osoite on päässyt vääriin käsiin, luo uusi osoite tai poista syöte käytöstä.',
  active: 'Sinulla on käytössä kalenterisyöte, luotu {date}.',
  inactive: 'Sinulla ei ole kalenterisyötettä.',
  create: 'Luo osoite',
  rotate: 'Luo uusi osoite',
  rotateNote: 'Uusi osoite korvaa vanhan: vanha lakkaa toimimasta heti.',
  revoke: 'Poista syöte käytöstä',
  working: 'Hetkinen…',
  urlLabel: 'Kalenterisyötteen osoite',
  urlOnce: 'Osoite näytetään vain nyt. Kopioi se talteen; myöhemmin voit vain luoda uuden.',
  copy: 'Kopioi osoite',
  copied: 'Osoite kopioitu leikepöydälle.',
  copyFailed: 'Kopiointi ei onnistunut. Valitse osoite ja kopioi se itse.',
  created: 'Uusi osoite luotu.',
  revoked: 'Kalenterisyöte poistettu käytöstä.',
};

export const calendarFeedEn: typeof calendarFeedFi = {
  nav: 'Calendar feed',
  title: 'Calendar feed',
  heading: 'Follow-ups in your own calendar',
  intro:
    'The calendar feed brings the open follow-ups assigned to you into your calendar (Outlook, Google Calendar, iPhone). Your calendar fetches the feed by itself every few hours.',
  howTo:
    'Create the address, copy it and add it to your calendar as a subscribed calendar (in Outlook e.g. "Add calendar" → "From internet").',
  secret:
    'The address works like a password: anyone who has it sees the titles of your follow-ups. Do not share it. If it has got into the wrong hands, create a new address or turn the feed off.',
  active: 'You have a calendar feed, created {date}.',
  inactive: 'You have no calendar feed.',
  create: 'Create the address',
  rotate: 'Create a new address',
  rotateNote: 'The new address replaces the old one, which stops working at once.',
  revoke: 'Turn the feed off',
  working: 'One moment…',
  urlLabel: 'Calendar feed address',
  urlOnce: 'The address is shown only now. Copy it; later you can only create a new one.',
  copy: 'Copy the address',
  copied: 'Address copied to the clipboard.',
  copyFailed: 'Copying did not work. Select the address and copy it yourself.',
  created: 'New address created.',
  revoked: 'Calendar feed turned off.',
};
