#include <libxml/xmlversion.h>
/* Debian's libxml2 is built with ICU: <libxml/encoding.h> would #include <unicode/ucnv.h>,
   whose enums clash with the _FoundationICU clang module that `import Foundation` loads.
   Undefining the macro only drops two trailing pointer fields of xmlCharEncodingHandler
   (never allocated or read from Swift). See shared/design/system-libraries.md. */
#undef LIBXML_ICU_ENABLED
#include <libxml/xmlreader.h>

/* xmlFree is a global function-pointer variable; Swift 6 strict concurrency rejects it. */
static inline void cxml_free(void *p) { xmlFree(p); }
