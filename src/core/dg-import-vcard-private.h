/* dg-import-vcard-private.h
 *
 * What EVCard does not do and the vCard import does before handing it a
 * card (dg-import-vcard-lines.c): EVCard parses one card from a string and
 * forgives almost anything, warning through g_warning() about what it
 * could not read. So the import first splits a file into cards, joins
 * each property's folded lines and quoted-printable soft line breaks into
 * one line, and for each line:
 *  - leaves out a line whose name or parameters EVCard would warn about
 *    (counted as not understood), a BEGIN or END inside the card (EVCard
 *    stops at any END), and a photo, logo, sound or key (EVCard would
 *    decode them; nothing of them is kept);
 *  - writes ENCODING and CHARSET again itself: EVCard warns about an
 *    ENCODING it does not know (8BIT, 7BIT) or one given twice;
 *  - refuses the card when its quoted-printable text is broken or it
 *    names a character set that iconv does not know;
 *  - converts 8-bit text in another character set (CHARSET=EUC-KR, as old
 *    Korean phones write) to UTF-8 itself: EVCard replaces every byte that
 *    is not UTF-8 before it looks at CHARSET, so such text is lost;
 *  - names Outlook's "ks_c_5601-1987" and EUC-KR as CP949 (their superset,
 *    which iconv knows), so that EVCard converts quoted-printable text in
 *    them;
 *  - drops a soft line break at the very end of quoted-printable text,
 *    after which EVCard would read on into the next line;
 *  - doubles a backslash that starts no escape, which EVCard passes through
 *    as it is, with a warning.
 * A carriage return alone ends a line, as it does for EVCard.
 * What is left is a card EVCard reads without a warning.
 */
#pragma once

#include "dg-import-vcard.h"

G_BEGIN_DECLS

typedef struct
{
  /* 1 for the first BEGIN:VCARD of the file. */
  guint    number;
  /* BEGIN:VCARD, the lines as EVCard should read them, END:VCARD; NULL
   * when the card is refused. */
  GString *text;
  /* Why the card is refused (translated, without the card number). */
  char    *problem;
  /* "2.1", "3.0" or "4.0". */
  char    *version;
  guint    n_photos;
  guint    n_lines_skipped;
} DgVcardCard;

void dg_vcard_card_clear (DgVcardCard *card);

typedef struct _DgVcardSplitter DgVcardSplitter;

/* Reads cards from @data (UTF-8 or 8-bit; a byte order mark is skipped). */
DgVcardSplitter *dg_vcard_splitter_new  (const char       *data,
                                         gsize             len);
/* Fills @card with the next card; FALSE at the end of the data. */
gboolean         dg_vcard_splitter_next (DgVcardSplitter  *self,
                                         DgVcardCard      *card);
/* Lines outside any card. */
guint            dg_vcard_splitter_get_n_stray_lines (DgVcardSplitter *self);
void             dg_vcard_splitter_free (DgVcardSplitter  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DgVcardSplitter, dg_vcard_splitter_free)

/* The card number of refused card @index, in the order of
 * dg_vcard_import_get_problems(). */
guint            dg_vcard_import_get_problem_card (DgVcardImport *self,
                                                   guint          index);

G_END_DECLS
