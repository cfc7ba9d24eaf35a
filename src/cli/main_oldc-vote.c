/* main_oldc-vote.c: the oldc-vote program; all of it is cmd_vote (cmd_vote.c). */
#include "cli.h"

int main(int argc, char **argv)
{
	return cmd_vote(argc, argv);
}
