/* version.c: the version string, set from the VERSION file by the Makefile. */
#include "oldc/oldc.h"

const char *oldc_version(void)
{
	return OLDC_VERSION;
}
