/* main_oldc-report.c: the oldc-report program; all of it is cmd_report (cmd_report.c). */
#include "cli.h"

int main(int argc, char **argv)
{
	return cmd_report(argc, argv);
}
