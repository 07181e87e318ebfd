// The accessibility statement (saavutettavuusseloste) in the form of the Finnish model statement:
// scope, compliance status, non-accessible content, how it was assessed, feedback and enforcement.
export const accessibilityFi = {
  title: 'Saavutettavuusseloste',
  link: 'Saavutettavuusseloste',
  heading: 'Saavutettavuusseloste',
  intro:
    'Tämä saavutettavuusseloste koskee Työelämä CRM -palvelua, jolla oppilaitoksen työelämäpalvelut hoitavat yhteistyötä työnantajien kanssa. Palvelua koskee laki digitaalisten palvelujen tarjoamisesta (306/2019), jonka mukaan julkisten digitaalisten palvelujen on oltava saavutettavia.',
  status: {
    heading: 'Palvelun saavutettavuuden tila',
    text: 'Palvelu täyttää saavutettavuusvaatimukset (WCAG 2.1 -tasot A ja AA) osittain.',
    why: 'Palvelu on suunniteltu ja testattu vaatimusten mukaiseksi, mutta ulkopuolinen asiantuntija ei ole vielä arvioinut sitä eikä sitä ole testattu kaikilla apuvälineillä. Siksi ilmoitamme palvelun täyttävän vaatimukset osittain, kunnes arviointi on tehty.',
  },
  gaps: {
    heading: 'Sisällöt, jotka eivät ole saavutettavia',
    intro: 'Tiedossa olevat puutteet ja rajoitukset:',
    screenReaders:
      'Palvelua ei ole vielä testattu ruudunlukuohjelmilla (esimerkiksi NVDA, JAWS ja VoiceOver). Osa ilmoituksista ja dynaamisista muutoksista voi välittyä ruudunlukijalle puutteellisesti.',
    charts:
      'Tilannekuvan kaaviot ovat kuvia, joiden tiedot esitetään myös taulukkoina. Kaavioiden värit eivät yksinään erota kaikkia sarjoja toisistaan.',
    files: 'Tuotujen tiedostojen ja palvelusta vietyjen CSV- ja Excel-tiedostojen saavutettavuutta ei ole arvioitu.',
    dragging:
      'Yhteistyömahdollisuuksien korttien vetäminen vaiheesta toiseen vaatii hiirtä tai kosketusta. Saman voi tehdä näppäimistöllä kortin Siirrä-painikkeella.',
  },
  assessment: {
    heading: 'Miten saavutettavuutta on arvioitu',
    text: 'Seloste perustuu itsearviointiin. Palvelun sivut ja valintaikkunat tarkistetaan jokaisen muutoksen yhteydessä automaattisesti axe-core-työkalulla (WCAG 2.0 ja 2.1, tasot A ja AA) molemmilla kielillä ja kaikilla käyttäjärooleilla. Keskeiset toiminnot on lisäksi testattu pelkällä näppäimistöllä sekä 200 %:n suurennuksella.',
    prepared: 'Seloste on laadittu {prepared} ja tarkistettu viimeksi {reviewed}.',
  },
  feedback: {
    heading: 'Palaute ja yhteystiedot',
    text: 'Huomasitko palvelussa saavutettavuuspuutteen tai tarvitsetko sisältöä saavutettavassa muodossa? Kerro siitä meille sähköpostilla. Vastaamme 14 päivän kuluessa.',
    email: 'Sähköposti: {email}',
  },
  enforcement: {
    heading: 'Valvontaviranomainen',
    text: 'Jos huomaat palvelussa saavutettavuusongelmia, anna ensin palautetta meille. Jos et ole tyytyväinen saamaasi vastaukseen tai et saa vastausta kahden viikon kuluessa, voit tehdä ilmoituksen valvontaviranomaiselle. Digitaalisten palvelujen saavutettavuutta valvoo Liikenne- ja viestintävirasto Traficom (aiemmin Etelä-Suomen aluehallintovirasto). Sen sivuilla kerrotaan, miten ilmoituksen voi tehdä ja miten asia käsitellään.',
    authority: 'Liikenne- ja viestintävirasto Traficom, saavutettavuusvalvonta',
    website: 'Verkkosivusto:',
    email: 'Sähköposti: {email}',
    phone: 'Puhelinvaihde: {phone}',
  },
  backToLogin: 'Kirjautumiseen',
};

export const accessibilityEn: typeof accessibilityFi = {
  title: 'Accessibility statement',
  link: 'Accessibility statement',
  heading: 'Accessibility statement',
  intro:
    'This accessibility statement applies to Työelämä CRM, the service the college’s working-life services team uses to manage its cooperation with employers. The service is subject to the Finnish Act on the Provision of Digital Services (306/2019), which requires public digital services to be accessible.',
  status: {
    heading: 'Compliance status',
    text: 'The service is partially compliant with the accessibility requirements (WCAG 2.1 levels A and AA).',
    why: 'The service has been designed and tested to meet the requirements, but it has not yet been assessed by an external expert or tested with every assistive technology. We therefore declare it partially compliant until that assessment has been done.',
  },
  gaps: {
    heading: 'Non-accessible content',
    intro: 'Known shortcomings and limitations:',
    screenReaders:
      'The service has not yet been tested with screen readers (such as NVDA, JAWS and VoiceOver). Some notifications and dynamic changes may not be conveyed fully to a screen reader.',
    charts:
      'The charts on the dashboard are images whose data is also shown in tables. Colour alone does not tell every series in a chart apart.',
    files:
      'The accessibility of imported files and of the CSV and Excel files exported from the service has not been assessed.',
    dragging:
      'Dragging opportunity cards from one stage to another needs a mouse or touch. The same can be done with the keyboard using the Move button on the card.',
  },
  assessment: {
    heading: 'How accessibility was assessed',
    text: 'This statement is based on a self-assessment. With every change, the pages and dialogs of the service are checked automatically with the axe-core tool (WCAG 2.0 and 2.1, levels A and AA) in both languages and for every user role. The main tasks have also been tested with the keyboard alone and at 200 % zoom.',
    prepared: 'This statement was prepared on {prepared} and last reviewed on {reviewed}.',
  },
  feedback: {
    heading: 'Feedback and contact information',
    text: 'Did you notice an accessibility problem in the service, or do you need content in an accessible format? Tell us by email. We will reply within 14 days.',
    email: 'Email: {email}',
  },
  enforcement: {
    heading: 'Enforcement procedure',
    text: 'If you notice accessibility problems in the service, first give feedback to us. If you are not satisfied with our reply or you get no reply within two weeks, you can report the matter to the supervising authority. The accessibility of digital services is supervised by the Finnish Transport and Communications Agency Traficom (previously the Regional State Administrative Agency for Southern Finland). Its website explains how to report a problem and how the matter is handled.',
    authority: 'Finnish Transport and Communications Agency Traficom, accessibility supervision',
    website: 'Website:',
    email: 'Email: {email}',
    phone: 'Switchboard: {phone}',
  },
  backToLogin: 'To sign-in',
};
