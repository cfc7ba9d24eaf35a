/* rule_kind.c: kinds of rules, by id (rule_kind.h). */
#include <string.h>
#include "rule_kind.h"

bool oldc_rule_is_input(const char *rule)
{
	return strncmp(rule, "ballots.", 8) == 0 || strncmp(rule, "csv.", 4) == 0 || strncmp(rule, "io.", 3) == 0;
}

bool oldc_rule_is_duplicate(const char *rule)
{
	return strcmp(rule, "batch.duplicate_id") == 0;
}
