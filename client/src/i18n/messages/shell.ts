import { defineMessages } from '../defineMessages.ts';

/** Strings of the application shell: start page, board header, status, dialogs. */
export const shellMessages = defineMessages({
  en: {
    'app.name': 'Interplay',
    'app.tagline':
      'A live, shared map of your organisation network: who works with whom, in which projects, and how strong each relationship is.',
    'language.label': 'Language',
    'language.en': 'English',
    'language.nl': 'Nederlands',

    'start.newBoard.heading': 'New board',
    'start.newBoard.titleLabel': 'Board title',
    'start.newBoard.titlePlaceholder': 'e.g. Housing and care network, spring session',
    'start.newBoard.create': 'Create board',
    'start.newBoard.creating': 'Creating…',
    'start.newBoard.titleRequired': 'Please give the board a title.',
    'start.newBoard.failed': 'The board could not be created: {reason}',
    'start.newBoard.network': 'The server could not be reached. Check the connection and try again.',
    'start.fromFile.heading': 'Start from a file (optional)',
    'start.fromFile.intro':
      'A board file exported from Interplay (JSON), or your partner list as CSV files or a zip of them. Nodes without a position are laid out automatically.',
    'start.fromFile.pick': 'Choose a file…',
    'start.fromFile.remove': 'Remove',
    'start.fromFile.holds': 'The new board will hold:',
    'start.fromFile.refused': 'This file cannot be used; fix it and choose it again:',
    'start.fromFile.empty': 'The file holds no organisations, people, projects or relationships.',
    'start.fromFile.create': 'Create board from file',
    'start.links.heading': 'Your board “{title}” is ready',
    'start.links.intro':
      'Three links open this board. Each gives different rights, so share each only with the people it is meant for.',
    'start.links.facilitator.name': 'Facilitator link',
    'start.links.facilitator.who':
      'For you. Keep it private: it runs the session and can renew the other links.',
    'start.links.edit.name': 'Participant link',
    'start.links.edit.who': 'Share with everyone who should draw on the map during the session.',
    'start.links.view.name': 'View-only link',
    'start.links.view.who':
      'For readers later, such as boards of directors and partners: they can look, not change.',
    'start.links.copy': 'Copy',
    'start.links.copyLabel': 'Copy the {name}',
    'start.links.copied': 'Copied',
    'start.links.copyFailed': 'Copy failed: select the link and copy it by hand.',
    'start.links.open': 'Open as facilitator',
    'start.links.another': 'Create another board',

    'role.facilitator': 'Facilitator',
    'role.editor': 'Participant',
    'role.viewer': 'Viewer',
    'role.anonymous': 'Anonymised view',
    'board.rolePrefix': 'Your role:',
    'board.loading': 'Opening the board…',
    'board.viewOnly': 'View only — you can look, not change.',
    'board.anonymousView':
      'Anonymised view — people are shown as their role and organisation; you can look, not change.',
    'board.participantNumber': 'Participant {n}',
    'anonymous.person': 'Person',
    'anonymous.noOrganisation': 'no organisation',
    'board.home': 'Interplay home',

    'error.heading': 'This board cannot be opened',
    'error.notFound': 'There is no board at this link. It may have been mistyped or deleted.',
    'error.forbidden':
      'This link does not give access to the board. The key may be wrong, or it may have been renewed by the facilitator: ask for the current link.',
    'error.badId': 'This is not a valid board link. Check that the whole link was copied.',
    'error.missingKey': 'This link is missing its key. Use the complete link you were given.',
    'error.network': 'The server could not be reached. Check the connection and reload the page.',
    'error.server': 'The server answered with an error ({status}). Try again in a moment.',
    'error.keyRenewed':
      'This link no longer works: the facilitator has renewed it. Ask for the current link.',
    'error.boardGone': 'This board no longer exists on the server.',
    'error.boardFull':
      'This board has reached its size limit, so your latest changes were not saved. They are kept in this browser. Export the board to start a new one from the file, or ask whoever runs the server to raise the limit.',
    'error.tooLarge':
      'Your latest change is too large for the server to take in one piece, so it was not saved. It is kept in this browser. Undo it or make it in smaller parts, then reload the page.',
    'error.backToStart': 'Back to the start page',
    'notFound.heading': 'Page not found',
    'notFound.body': 'There is nothing at this address.',

    'status.prefix': 'Connection:',
    'status.connected': 'Connected',
    'status.connecting': 'Connecting…',
    'status.reconnecting': 'Reconnecting…',
    'status.offline': 'Offline',
    'status.offlineKept': 'Offline — your edits are kept and will merge when the connection returns',
    'status.cannotSave': 'The server cannot save right now; your edits are kept in this browser.',
    'status.closed': 'Disconnected',
    'status.syncing': 'Connected, syncing…',

    'people.heading': 'Present ({count})',
    'people.you': 'you',
    'people.listLabel': 'People present on this board',
    'people.editName': 'Change your name',

    'name.heading': 'Welcome to “{title}”',
    'name.intro': 'Your name is shown to the others next to your cursor and in the list of people present.',
    'name.label': 'Your name',
    'name.placeholder': 'e.g. Anna de Vries',
    'name.colourLabel': 'Your colour',
    'name.submit': 'Join the board',
    'name.required': 'Please enter a name.',
    'name.cancel': 'Cancel',
  },
  nl: {
    'app.name': 'Interplay',
    'app.tagline':
      'Een live, gedeelde kaart van uw netwerk van organisaties: wie werkt met wie, in welke projecten, en hoe sterk elke relatie is.',
    'language.label': 'Taal',
    'language.en': 'English',
    'language.nl': 'Nederlands',

    'start.newBoard.heading': 'Nieuw bord',
    'start.newBoard.titleLabel': 'Titel van het bord',
    'start.newBoard.titlePlaceholder': 'bijv. Netwerk wonen en zorg, voorjaarssessie',
    'start.newBoard.create': 'Bord maken',
    'start.newBoard.creating': 'Bezig met maken…',
    'start.newBoard.titleRequired': 'Geef het bord een titel.',
    'start.newBoard.failed': 'Het bord kon niet worden gemaakt: {reason}',
    'start.newBoard.network':
      'De server is niet bereikbaar. Controleer de verbinding en probeer het opnieuw.',
    'start.fromFile.heading': 'Beginnen met een bestand (optioneel)',
    'start.fromFile.intro':
      'Een bordbestand dat uit Interplay is geëxporteerd (JSON), of uw partnerlijst als CSV-bestanden of een zip daarvan. Onderdelen zonder positie worden automatisch geplaatst.',
    'start.fromFile.pick': 'Kies een bestand…',
    'start.fromFile.remove': 'Verwijderen',
    'start.fromFile.holds': 'Het nieuwe bord krijgt:',
    'start.fromFile.refused': 'Dit bestand kan niet worden gebruikt; verbeter het en kies het opnieuw:',
    'start.fromFile.empty': 'Het bestand bevat geen organisaties, personen, projecten of relaties.',
    'start.fromFile.create': 'Bord maken met bestand',
    'start.links.heading': 'Uw bord “{title}” staat klaar',
    'start.links.intro':
      'Drie links openen dit bord. Elke link geeft andere rechten; deel elke link alleen met de mensen voor wie die bedoeld is.',
    'start.links.facilitator.name': 'Link voor de procesbegeleider',
    'start.links.facilitator.who':
      'Voor uzelf. Houd deze link privé: hiermee leidt u de sessie en kunt u de andere links vernieuwen.',
    'start.links.edit.name': 'Link voor deelnemers',
    'start.links.edit.who': 'Deel deze met iedereen die tijdens de sessie op de kaart mag tekenen.',
    'start.links.view.name': 'Link om alleen te bekijken',
    'start.links.view.who':
      'Voor lezers achteraf, zoals besturen en partners: zij kunnen kijken, niet wijzigen.',
    'start.links.copy': 'Kopiëren',
    'start.links.copyLabel': 'Kopieer de {name}',
    'start.links.copied': 'Gekopieerd',
    'start.links.copyFailed': 'Kopiëren mislukt: selecteer de link en kopieer die zelf.',
    'start.links.open': 'Openen als procesbegeleider',
    'start.links.another': 'Nog een bord maken',

    'role.facilitator': 'Procesbegeleider',
    'role.editor': 'Deelnemer',
    'role.viewer': 'Kijker',
    'role.anonymous': 'Geanonimiseerd',
    'board.rolePrefix': 'Uw rol:',
    'board.loading': 'Het bord wordt geopend…',
    'board.viewOnly': 'Alleen bekijken — u kunt kijken, niet wijzigen.',
    'board.anonymousView':
      'Geanonimiseerde weergave — personen staan er als rol en organisatie; u kunt kijken, niet wijzigen.',
    'board.participantNumber': 'Deelnemer {n}',
    'anonymous.person': 'Persoon',
    'anonymous.noOrganisation': 'geen organisatie',
    'board.home': 'Interplay startpagina',

    'error.heading': 'Dit bord kan niet worden geopend',
    'error.notFound':
      'Er is geen bord op deze link. Misschien is de link verkeerd overgenomen of is het bord verwijderd.',
    'error.forbidden':
      'Deze link geeft geen toegang tot het bord. De sleutel klopt niet, of de procesbegeleider heeft de link vernieuwd: vraag om de actuele link.',
    'error.badId': 'Dit is geen geldige link naar een bord. Controleer of de hele link is gekopieerd.',
    'error.missingKey': 'Deze link mist de sleutel. Gebruik de volledige link die u hebt gekregen.',
    'error.network': 'De server is niet bereikbaar. Controleer de verbinding en laad de pagina opnieuw.',
    'error.server': 'De server gaf een foutmelding ({status}). Probeer het zo opnieuw.',
    'error.keyRenewed':
      'Deze link werkt niet meer: de procesbegeleider heeft hem vernieuwd. Vraag om de actuele link.',
    'error.boardGone': 'Dit bord bestaat niet meer op de server.',
    'error.boardFull':
      'Dit bord heeft zijn maximale omvang bereikt, dus uw laatste wijzigingen zijn niet opgeslagen. Ze blijven in deze browser bewaard. Exporteer het bord om een nieuw bord vanuit het bestand te beginnen, of vraag de beheerder van de server de limiet te verhogen.',
    'error.tooLarge':
      'Uw laatste wijziging is te groot om in één keer naar de server te sturen en is dus niet opgeslagen. Ze blijft in deze browser bewaard. Maak haar ongedaan of voer haar in kleinere delen uit, en laad daarna de pagina opnieuw.',
    'error.backToStart': 'Terug naar de startpagina',
    'notFound.heading': 'Pagina niet gevonden',
    'notFound.body': 'Op dit adres staat niets.',

    'status.prefix': 'Verbinding:',
    'status.connected': 'Verbonden',
    'status.connecting': 'Verbinden…',
    'status.reconnecting': 'Opnieuw verbinden…',
    'status.offline': 'Offline',
    'status.offlineKept':
      'Offline — uw wijzigingen blijven bewaard en worden samengevoegd zodra de verbinding terug is',
    'status.cannotSave': 'De server kan nu niet opslaan; uw wijzigingen blijven in deze browser bewaard.',
    'status.closed': 'Verbinding verbroken',
    'status.syncing': 'Verbonden, bezig met bijwerken…',

    'people.heading': 'Aanwezig ({count})',
    'people.you': 'u',
    'people.listLabel': 'Aanwezigen op dit bord',
    'people.editName': 'Uw naam wijzigen',

    'name.heading': 'Welkom bij “{title}”',
    'name.intro': 'Uw naam is voor de anderen zichtbaar naast uw cursor en in de lijst met aanwezigen.',
    'name.label': 'Uw naam',
    'name.placeholder': 'bijv. Anna de Vries',
    'name.colourLabel': 'Uw kleur',
    'name.submit': 'Naar het bord',
    'name.required': 'Vul een naam in.',
    'name.cancel': 'Annuleren',
  },
});
