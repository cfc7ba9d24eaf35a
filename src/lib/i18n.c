/*
 * i18n.c: the messages in Chinese or English. The Chinese catalog is po/zh_CN.po,
 * compiled by msgfmt and embedded in the library (build/gen/catalog_zh_CN.c), so that
 * `--lang zh` works whatever locales the machine has and whatever LC_ALL says. The
 * lookup is a binary search over the .mo file's sorted originals, as GNU gettext does
 * without its hash table; the file is checked once, at first use, and a malformed one
 * leaves the messages in English.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "i18n.h"

extern const unsigned char oldc_catalog_zh_CN[];
extern const size_t oldc_catalog_zh_CN_len;

static oldc_lang current = OLDC_LANG_EN;
static oldc_mo zh;
static int zh_state;   /* 0 not yet opened, 1 good, -1 malformed */

static uint32_t word(const oldc_mo *c, uint64_t offset)
{
	const unsigned char *p = c->data + offset;
	if (c->swapped)
		return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
	return (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 | (uint32_t)p[1] << 8 | p[0];
}

/* String i of the table at `table`, and its length (without the NUL). */
static const char *string(const oldc_mo *c, uint32_t table, uint32_t i, uint32_t *length)
{
	uint64_t at = (uint64_t)table + 8u * (uint64_t)i;
	*length = word(c, at);
	return (const char *)c->data + word(c, at + 4);
}

/* True when data[offset, offset + length] is inside the file and ends in a NUL. */
static bool string_fits(const oldc_mo *c, uint32_t table, uint32_t i)
{
	uint64_t at = (uint64_t)table + 8u * (uint64_t)i;
	uint64_t length = word(c, at), offset = word(c, at + 4);
	return offset + length < c->size && c->data[offset + length] == '\0';
}

int oldc_mo_open(oldc_mo *c, const void *data, size_t size)
{
	memset(c, 0, sizeof *c);
	c->data = data;
	c->size = size;
	if (!data || size < 28)
		return -1;
	const unsigned char *p = data;
	uint32_t magic = (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 | (uint32_t)p[1] << 8 | p[0];
	if (magic == 0xde120495u)
		c->swapped = true;
	else if (magic != 0x950412deu)
		return -1;
	if (word(c, 4) >> 16 > 1)   /* major revision 0 or 1 */
		return -1;
	c->count = word(c, 8);
	c->originals = word(c, 12);
	c->translations = word(c, 16);
	uint64_t table = 8u * (uint64_t)c->count;
	if ((uint64_t)c->originals + table > size || (uint64_t)c->translations + table > size)
		return -1;
	for (uint32_t i = 0; i < c->count; i++) {
		if (!string_fits(c, c->originals, i) || !string_fits(c, c->translations, i))
			return -1;
		uint32_t n;
		if (i > 0) {
			const char *prev = string(c, c->originals, i - 1, &n), *this = string(c, c->originals, i, &n);
			if (strcmp(prev, this) >= 0)
				return -1;
		}
	}
	/* the header is the translation of "": its Plural-Forms says how many forms */
	c->nplurals = 2;
	uint32_t n;
	if (c->count > 0 && *string(c, c->originals, 0, &n) == '\0') {
		const char *header = string(c, c->translations, 0, &n);
		const char *np = strstr(header, "nplurals=");
		if (np) {
			long v = strtol(np + 9, NULL, 10);
			if (v >= 1 && v <= 6)
				c->nplurals = (unsigned)v;
		}
	}
	return 0;
}

/* The index of msgid among the originals (compared up to the first NUL, so a plural
 * entry is found by its singular), or -1. */
static long find(const oldc_mo *c, const char *msgid)
{
	uint32_t lo = 0, hi = c->count, n;
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		int cmp = strcmp(msgid, string(c, c->originals, mid, &n));
		if (cmp == 0)
			return (long)mid;
		if (cmp < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return -1;
}

const char *oldc_mo_gettext(const oldc_mo *c, const char *msgid)
{
	if (!msgid || !*msgid)
		return NULL;
	long i = find(c, msgid);
	if (i < 0)
		return NULL;
	uint32_t n;
	const char *s = string(c, c->translations, (uint32_t)i, &n);
	return n ? s : NULL;
}

const char *oldc_mo_ngettext(const oldc_mo *c, const char *singular, unsigned long n)
{
	if (!singular || !*singular)
		return NULL;
	long i = find(c, singular);
	if (i < 0)
		return NULL;
	uint32_t length;
	const char *s = string(c, c->translations, (uint32_t)i, &length), *end = s + length;
	unsigned form = c->nplurals == 1 ? 0 : n != 1;
	if (form > c->nplurals - 1)
		form = c->nplurals - 1;
	/* the forms are NUL-separated within the translation */
	for (unsigned k = 0; k < form && s < end; k++)
		s += strlen(s) + 1;
	return s < end && *s ? s : NULL;
}

/* The built-in Chinese catalog, opened at first use; NULL when it is malformed. */
static const oldc_mo *chinese(void)
{
	if (zh_state == 0)
		zh_state = oldc_mo_open(&zh, oldc_catalog_zh_CN, oldc_catalog_zh_CN_len) == 0 ? 1 : -1;
	return zh_state > 0 ? &zh : NULL;
}

void oldc_lang_set(oldc_lang lang)
{
	current = lang;
	if (lang == OLDC_LANG_ZH)
		(void)chinese();
}

oldc_lang oldc_lang_get(void)
{
	return current;
}

const char *oldc_gettext(const char *msgid)
{
	const oldc_mo *c = current == OLDC_LANG_ZH ? chinese() : NULL;
	const char *s = c ? oldc_mo_gettext(c, msgid) : NULL;
	return s ? s : msgid;
}

const char *oldc_ngettext(const char *singular, const char *plural, unsigned long n)
{
	const oldc_mo *c = current == OLDC_LANG_ZH ? chinese() : NULL;
	const char *s = c ? oldc_mo_ngettext(c, singular, n) : NULL;
	return s ? s : n == 1 ? singular : plural;
}

/* The C library's text for these follows its own locale, which oldc never sets; the
 * errors of reading and writing files are said in oldc's language instead. */
const char *oldc_strerror(int err)
{
	switch (err) {
	case ENOENT: return _("No such file or directory");
	case EACCES: return _("Permission denied");
	case EISDIR: return _("Is a directory");
	case ENOTDIR: return _("Not a directory");
	case ENOSPC: return _("No space left on device");
	case EROFS: return _("Read-only file system");
	case EEXIST: return _("File exists");
	case ELOOP: return _("Too many levels of symbolic links");
	case ENAMETOOLONG: return _("File name too long");
	case EPIPE: return _("Broken pipe");
	case EIO: return _("Input/output error");
	case ENOMEM: return _("Cannot allocate memory");
	case EMFILE: return _("Too many open files");
	default: return strerror(err);
	}
}

int oldc_lang_parse(const char *value, oldc_lang *lang)
{
	if (strcmp(value, "zh") == 0 || strncmp(value, "zh_", 3) == 0 || strncmp(value, "zh-", 3) == 0)
		*lang = OLDC_LANG_ZH;
	else if (strcmp(value, "en") == 0 || strncmp(value, "en_", 3) == 0 || strncmp(value, "en-", 3) == 0)
		*lang = OLDC_LANG_EN;
	else
		return -1;
	return 0;
}

static bool is_c_locale(const char *name)
{
	return strcmp(name, "C") == 0 || strcmp(name, "POSIX") == 0 || strncmp(name, "C.", 2) == 0 ||
	       strncmp(name, "POSIX.", 6) == 0;
}

oldc_lang oldc_lang_from_environment(void)
{
	const char *vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
	const char *locale = NULL;
	for (size_t i = 0; i < 3 && !locale; i++) {
		const char *v = getenv(vars[i]);
		if (v && *v)
			locale = v;
	}
	if (!locale || is_c_locale(locale))
		return OLDC_LANG_EN;
	const char *language = getenv("LANGUAGE");
	if (language && *language) {
		/* the first language oldc has messages for; none: the sources' English */
		for (const char *p = language; *p; ) {
			size_t n = strcspn(p, ":");
			if (n >= 2 && strncmp(p, "zh", 2) == 0)
				return OLDC_LANG_ZH;
			if ((n >= 2 && strncmp(p, "en", 2) == 0) || (n == 1 && *p == 'C'))
				return OLDC_LANG_EN;
			p += n;
			if (*p == ':')
				p++;
		}
		return OLDC_LANG_EN;
	}
	return strncmp(locale, "zh", 2) == 0 ? OLDC_LANG_ZH : OLDC_LANG_EN;
}
