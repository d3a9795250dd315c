/*
 * no_symbol.c - a shared object that exports no pk2d_plugin_descriptor.
 */
int no_symbol_answer(void);

int no_symbol_answer(void)
{
	return 42;
}
