/*
 * i18n.h: marks message texts for translation and translates them. Every message the
 * library or a command shows a person goes through _() (translated where it is used),
 * P_() (the same with a count: "1 day", "3 days") or N_() (marked in a table,
 * translated with _() where it is shown). Rule ids, clause ids, JSON keys and words
 * of the formats are never marked: they do not change with the language.
 *
 * The translations are po/zh_CN.po, compiled by msgfmt into a .mo file and that into
 * the library (build/gen/catalog_zh_CN.c), read by the small lookup of i18n.c: no
 * setlocale, no installed locale and no file at run time. The language is chosen with
 * oldc_lang_set (oldc/lang.h) before anything is loaded: messages are formatted when
 * findings are made.
 */
#ifndef OLDC_I18N_H
#define OLDC_I18N_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "oldc/lang.h"

/* format_arg: the compiler checks a translated format against the arguments as it
 * checks the English one (msgfmt --check holds the translation to the English). */
#if defined(__GNUC__) || defined(__clang__)
#define OLDC_FORMAT_ARG(n) __attribute__((format_arg(n)))
#else
#define OLDC_FORMAT_ARG(n)
#endif

/* The message in the current language: its translation, or msgid itself (English,
 * or a message the catalog does not have). Never NULL for a non-NULL msgid. */
const char *oldc_gettext(const char *msgid) OLDC_FORMAT_ARG(1);
/* The form for n: English singular when n == 1, else plural; Chinese has one form. */
const char *oldc_ngettext(const char *singular, const char *plural, unsigned long n)
	OLDC_FORMAT_ARG(1) OLDC_FORMAT_ARG(2);

/* strerror(err) in the current language: the errors a file or a pipe gives in
 * Chinese, any other as the C library says it. */
const char *oldc_strerror(int err);

#define _(s) oldc_gettext(s)
#define N_(s) s
#define P_(singular, plural, n) oldc_ngettext(singular, plural, (unsigned long)(n))

/* A compiled catalog (GNU .mo, either byte order) in memory, for i18n.c and its tests. */
typedef struct oldc_mo {
	const unsigned char *data;
	size_t size;
	uint32_t count;            /* messages, the header included */
	uint32_t originals;        /* offset of the table of originals (sorted) */
	uint32_t translations;     /* offset of the table of translations */
	bool swapped;              /* written on a machine of the other byte order */
	unsigned nplurals;         /* from the header's Plural-Forms; 2 when absent */
} oldc_mo;

/* Checks the .mo in data[0, size) (borrowed, must outlive c): magic, revision, that
 * both tables and every string (with its terminating NUL) lie inside it, and that the
 * originals are sorted; reads nplurals. Returns 0, or -1 when it is malformed. */
int oldc_mo_open(oldc_mo *c, const void *data, size_t size);

/* The translation of msgid in an opened catalog, or NULL when it has none (an empty
 * translation counts as none). */
const char *oldc_mo_gettext(const oldc_mo *c, const char *msgid);

/* The translation of the plural entry `singular` for n, or NULL when it has none.
 * Forms: index 0 when nplurals is 1, else (n != 1), at most nplurals - 1. */
const char *oldc_mo_ngettext(const oldc_mo *c, const char *singular, unsigned long n);

#endif
