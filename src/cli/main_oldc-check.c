/* main_oldc-check.c: the oldc-check program; all of it is cmd_check (cmd_check.c). */
#include "cli.h"

int main(int argc, char **argv)
{
	return cmd_check(argc, argv);
}
