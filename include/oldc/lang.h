/*
 * lang.h: the language of the messages. liboldc formats a finding's message when it
 * makes the finding, so the language is chosen before anything is loaded or checked,
 * once, by the program (oldc_lang_set). English is the messages as written in the
 * sources; Chinese comes from po/zh_CN.po, compiled into the library, so it needs no
 * installed locale and no file at run time. Rule ids, clause ids, JSON keys and
 * values and exit statuses are the same in every language.
 */
#ifndef OLDC_LANG_H
#define OLDC_LANG_H

typedef enum { OLDC_LANG_EN, OLDC_LANG_ZH } oldc_lang;

/* Chooses the language of every message made from now on (default English). When the
 * built-in Chinese catalog is malformed (it is checked at the first use), the messages
 * stay English. */
void oldc_lang_set(oldc_lang lang);
oldc_lang oldc_lang_get(void);

/* The language the environment asks for, the way gettext reads it: the locale of
 * messages is the first non-empty of LC_ALL, LC_MESSAGES and LANG; unless that is
 * unset, C or POSIX (C.UTF-8 included), LANGUAGE, a colon-separated list, comes first.
 * The first name starting with "zh" gives Chinese, with "en" (or the C locale)
 * English; names of languages oldc has no messages for are passed over. Reads only
 * the environment: what locales are installed does not matter. */
oldc_lang oldc_lang_from_environment(void);

/* Parses a --lang value: "zh", "zh_CN", "zh_CN.UTF-8" ... or "en", "en_US" ... Returns
 * 0 and sets *lang, or -1 for anything else. */
int oldc_lang_parse(const char *value, oldc_lang *lang);

#endif
