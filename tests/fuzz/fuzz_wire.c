/*
 * fuzz_wire.c - the decoder of the records a plugin's child sends
 * (src/host/wire.c) on any bytes, as the parent reads a hostile child's
 * pipe: every record is decoded or refused, never read past its end, and a
 * decoded record encodes back to the same bytes. The records of one input
 * are one stream: its NAME records give the names its NAMED records use.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "utf8.h"
#include "wire.h"

/* The record encoded again, for the types the encoders write whole. */
static void reencode(const wire_record *r, wire_buf *b)
{
	switch (r->type) {
	case WIRE_INDICATOR: wire_put_indicator(b, &r->ind); break;
	case WIRE_INTERVENTION: wire_put_intervention(b, &r->iv); break;
	case WIRE_VALUE: wire_put_value(b, &r->value); break;
	case WIRE_IVALUE: wire_put_ivalue(b, &r->ivalue); break;
	case WIRE_FOLDED: wire_put_folded(b, &r->value); break;
	case WIRE_RTS: wire_put_rts(b, r->text, r->count, r->rts, r->n_rts); break;
	case WIRE_LOG: wire_put_log(b, r->level, r->text); break;
	case WIRE_FILE: wire_put_file(b, r->file); break;
	case WIRE_INIT_DONE: wire_put_init_done(b); break;
	case WIRE_END: wire_put_end(b, r->stage, r->code); break;
	case WIRE_DESCRIPTOR: wire_put_descriptor(b, &r->desc); break;
	case WIRE_REFUSED: wire_put_refused(b, r->text); break;
	case WIRE_GROUP: wire_put_group(b, &r->group); break;
	case WIRE_DISPLAY: wire_put_display(b, &r->display); break;
	case WIRE_TABLE: wire_put_table(b, &r->table); break;
	case WIRE_PROGRESS: wire_put_progress(b, r->text, r->done, r->size, r->records); break;
	case WIRE_OUTPUT: wire_put_output(b, r->text); break;
	case WIRE_NAME: wire_put_name(b, r->kind, r->index[0], r->text); break;
	case WIRE_NAMED: wire_put_named(b, r->index, &r->value); break;
	default: fuzz_fail("a record of an unknown type was decoded");
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char err[256];
	wire_names names = { 0 };

	while (size > 0) {
		wire_record r;
		long n = wire_decode(data, size, &names, &r, err, sizeof err);
		if (n <= 0)
			break;
		if ((size_t)n > size)
			fuzz_fail("a record longer than the bytes given");
		if (r.text && !utf8_is_clean(r.text, strlen(r.text)))
			fuzz_fail("a decoded text is not clean UTF-8");
		if (r.type == WIRE_NAMED &&
		    (strcmp(r.value.indicator, names.names[WIRE_NAME_INDICATOR][r.index[0]].text) ||
		     strcmp(r.value.area, names.names[WIRE_NAME_AREA][r.index[1]].text)))
			fuzz_fail("a named value does not have its names' texts");
		wire_buf b = { 0 };
		reencode(&r, &b);
		if (b.len != (size_t)n || memcmp(b.data, data, b.len) != 0)
			fuzz_fail("a decoded record does not encode back to its bytes");
		wire_buf_free(&b);
		wire_record_clear(&r);
		data += n;
		size -= (size_t)n;
	}
	wire_names_free(&names);
	return 0;
}
