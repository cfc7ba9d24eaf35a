/* main_oldc-score.c: the oldc-score program; all of it is cmd_score (cmd_score.c). */
#include "cli.h"

int main(int argc, char **argv)
{
	return cmd_score(argc, argv);
}
