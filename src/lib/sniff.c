/* sniff.c: is a YAML file a dossier? (sniff.h). A cheap look at its lines first, so
 * that a dossier is not parsed twice; libyaml's event parser for the rest. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <yaml.h>
#include "oldc/node.h"
#include "oldc/sniff.h"
#include "file.h"
#include "i18n.h"
#include "yaml_hint.h"

bool oldc_is_yaml_name(const char *name)
{
	size_t n = strlen(name);
	return (n > 5 && strcasecmp(name + n - 5, ".yaml") == 0) || (n > 4 && strcasecmp(name + n - 4, ".yml") == 0);
}

/* A line starting with the key oldc: `oldc:`, `"oldc":` or `'oldc':`. */
static bool has_oldc_line(const char *s, size_t length)
{
	static const char *const keys[] = { "oldc", "\"oldc\"", "'oldc'" };
	for (const char *p = s, *end = s + length; p < end;) {
		for (size_t k = 0; k < 3; k++) {
			size_t n = strlen(keys[k]);
			if ((size_t)(end - p) > n && memcmp(p, keys[k], n) == 0) {
				const char *q = p + n;
				while (q < end && (*q == ' ' || *q == '\t'))
					q++;
				if (q < end && *q == ':')
					return true;
			}
		}
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		p = nl ? nl + 1 : end;
	}
	return false;
}

oldc_sniff oldc_sniff_file(const char *file, oldc_diags *diags)
{
	size_t length;
	char *s = oldc_read_file(file, oldc_default_limits.max_file_bytes, &length, diags);
	if (!s)
		return OLDC_SNIFF_BAD;
	oldc_sniff result = oldc_sniff_data(file, s, length, diags);
	free(s);
	return result;
}

oldc_sniff oldc_sniff_data(const char *file, const char *text, size_t length, oldc_diags *diags)
{
	if (length >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		text += 3, length -= 3;
	if (has_oldc_line(text, length))
		return OLDC_SNIFF_DOSSIER;
	yaml_parser_t p;
	if (!yaml_parser_initialize(&p)) {
		diags->out_of_memory = true;
		return OLDC_SNIFF_BAD;
	}
	yaml_parser_set_input_string(&p, (const unsigned char *)text, length);
	oldc_sniff result = OLDC_SNIFF_OTHER;
	/* depth 1: inside the first document's root; a key of the root mapping is every
	 * other scalar or collection met there */
	int depth = 0, documents = 0;
	bool root_is_map = false, at_key = true;
	for (;;) {
		yaml_event_t e;
		if (!yaml_parser_parse(&p, &e)) {
			unsigned line = (unsigned)p.problem_mark.line + 1, col = (unsigned)p.problem_mark.column + 1;
			oldc_diag_add(diags, OLDC_ERROR, file, line, col, "yaml.syntax", NULL,
				      _("YAML syntax error: %s"), oldc_yaml_words(p.problem));
			result = OLDC_SNIFF_BAD;
			break;
		}
		yaml_event_type_t t = e.type;
		if (t == YAML_DOCUMENT_START_EVENT)
			documents++;
		else if (documents == 1 && (t == YAML_MAPPING_START_EVENT || t == YAML_SEQUENCE_START_EVENT)) {
			if (depth == 0)
				root_is_map = t == YAML_MAPPING_START_EVENT;
			else if (depth == 1 && root_is_map)
				at_key = !at_key;
			depth++;
		} else if (documents == 1 && (t == YAML_MAPPING_END_EVENT || t == YAML_SEQUENCE_END_EVENT))
			depth--;
		else if (documents == 1 && (t == YAML_SCALAR_EVENT || t == YAML_ALIAS_EVENT) && depth == 1 && root_is_map) {
			if (at_key && t == YAML_SCALAR_EVENT && e.data.scalar.length == 4 &&
			    memcmp(e.data.scalar.value, "oldc", 4) == 0)
				result = OLDC_SNIFF_DOSSIER;
			at_key = !at_key;
		}
		yaml_event_delete(&e);
		if (t == YAML_STREAM_END_EVENT)
			break;
	}
	yaml_parser_delete(&p);
	return result;
}
