/*
 * i18n.h: marks message texts for translation. Every message the library or a command
 * shows a person goes through _() (translated where it is used) or N_() (marked in a
 * table, translated where it is shown). Rule ids, clause ids, JSON keys and words of
 * the formats are never marked: they do not change with the language.
 */
#ifndef OLDC_I18N_H
#define OLDC_I18N_H

#define _(s) (s)
#define N_(s) (s)

#endif
