import { defineMessages } from '../defineMessages.ts';

/** Strings of removing for good: a person purged from the board and its history, a board deleted. */
export const erasureMessages = defineMessages({
  en: {
    'erasure.person.button': 'Remove for good…',
    'erasure.person.hint':
      'Removes this person, their relationships and the comments about them from the board and from every earlier state of it (the timeline), for everyone.',
    'erasure.person.confirm':
      'Remove “{name}” for good?\n\nThe person, their relationships, the comments about them and the health scores of those relationships are removed from the board and from every moment and checkpoint in its history. This cannot be undone. Files already downloaded are not affected.',
    'erasure.person.busy': 'Removing…',
    'erasure.person.failed': 'The person could not be removed: {message}',
    'erasure.board.button': 'Delete board',
    'erasure.board.hint': 'Delete this board and everything stored about it, for good.',
    'erasure.board.explain':
      'Deleting removes the map, its comments, health checks and whole history from the server. Everyone connected is told at once, and every link to this board stops working. This cannot be undone: export the board first if you want to keep it.',
    'erasure.board.typeTitle': 'Type the board’s title to confirm: {title}',
    'erasure.board.delete': 'Delete this board for good',
    'erasure.board.busy': 'Deleting…',
    'erasure.board.failed': 'The board could not be deleted: {message}',
    'error.boardDeleted': 'This board was deleted. Its map and history are no longer stored on the server.',
  },
  nl: {
    'erasure.person.button': 'Definitief verwijderen…',
    'erasure.person.hint':
      'Verwijdert deze persoon, zijn of haar relaties en de opmerkingen over hem of haar van het bord en uit elke eerdere stand ervan (de tijdlijn), voor iedereen.',
    'erasure.person.confirm':
      '“{name}” definitief verwijderen?\n\nDe persoon, zijn of haar relaties, de opmerkingen erover en de gezondheidsscores van die relaties worden verwijderd van het bord en uit elk moment en elk tussenpunt in de geschiedenis. Dit kunt u niet ongedaan maken. Bestanden die al zijn gedownload, blijven zoals ze zijn.',
    'erasure.person.busy': 'Bezig met verwijderen…',
    'erasure.person.failed': 'De persoon kon niet worden verwijderd: {message}',
    'erasure.board.button': 'Bord verwijderen',
    'erasure.board.hint': 'Verwijder dit bord en alles wat erover is opgeslagen, definitief.',
    'erasure.board.explain':
      'Verwijderen haalt de kaart, de opmerkingen, de gezondheidschecks en de hele geschiedenis van de server. Iedereen die verbonden is, krijgt dat direct te zien, en geen enkele link naar dit bord werkt nog. Dit kunt u niet ongedaan maken: exporteer het bord eerst als u het wilt bewaren.',
    'erasure.board.typeTitle': 'Typ de titel van het bord om te bevestigen: {title}',
    'erasure.board.delete': 'Dit bord definitief verwijderen',
    'erasure.board.busy': 'Bezig met verwijderen…',
    'erasure.board.failed': 'Het bord kon niet worden verwijderd: {message}',
    'error.boardDeleted': 'Dit bord is verwijderd. De kaart en de geschiedenis staan niet meer op de server.',
  },
});
