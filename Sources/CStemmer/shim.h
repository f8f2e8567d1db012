/* Snowball stemmers (libstemmer-dev, no pkg-config file). */
#include <libstemmer.h>
