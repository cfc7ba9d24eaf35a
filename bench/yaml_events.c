/*
 * yaml_events.c: the libyaml reference of `make bench`. It runs libyaml's event parser
 * over every file named (or listed, one per line, in a file given as @LIST) and does
 * nothing else, so its time is the floor for any tool that reads the same dossiers
 * with libyaml: oldc-check's time is measured as a ratio to it.
 */
#include <stdio.h>
#include <string.h>
#include <yaml.h>

/* Parses one file to its end; returns the number of events, or -1 on a syntax error. */
static long parse(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return -1;
	yaml_parser_t parser;
	yaml_event_t event;
	long n = 0;
	yaml_parser_initialize(&parser);
	yaml_parser_set_input_file(&parser, f);
	for (;;) {
		if (!yaml_parser_parse(&parser, &event)) {
			n = -1;
			break;
		}
		int done = event.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&event);
		n++;
		if (done)
			break;
	}
	yaml_parser_delete(&parser);
	fclose(f);
	return n;
}

int main(int argc, char **argv)
{
	long events = 0, failed = 0;
	char line[4096];
	for (int i = 1; i < argc; i++) {
		if (argv[i][0] != '@') {
			long n = parse(argv[i]);
			n < 0 ? failed++ : (events += n);
			continue;
		}
		FILE *list = fopen(argv[i] + 1, "r");
		if (!list) {
			perror(argv[i] + 1);
			return 2;
		}
		while (fgets(line, sizeof line, list)) {
			line[strcspn(line, "\n")] = '\0';
			long n = parse(line);
			n < 0 ? failed++ : (events += n);
		}
		fclose(list);
	}
	printf("%ld events, %ld files failed\n", events, failed);
	return failed ? 1 : 0;
}
