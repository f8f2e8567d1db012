/* Hunspell C API; pkg-config "hunspell" adds -I/usr/include/hunspell. */
#include <hunspell.h>
