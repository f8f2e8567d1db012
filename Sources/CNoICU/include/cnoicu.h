#ifndef CNOICU_H
#define CNOICU_H
/* ICU behind a header with no ICU types, so Swift never sees the ICU headers
   (they clash with Foundation's own ICU module). All text is UTF-8. */
#include <stdint.h>

/** ICU version string, e.g. "72.1". */
const char *nt_icu_version(void);
/** Name of an ICU error code. */
const char *nt_icu_error_name(int32_t err);
/** 1 if err is an ICU failure. */
int nt_icu_failure(int32_t err);

/** 1 when the UTF-8 text is already in NFC, 0 when not, -1 on error (invalid UTF-8 included). */
int nt_is_nfc_utf8(const char *src, int32_t len);
/** NFC-normalises UTF-8 into dst (capacity cap bytes); returns the needed length. *err is an ICU code
    (15 = U_BUFFER_OVERFLOW_ERROR: call again with a larger buffer). Invalid sequences become U+FFFD. */
int32_t nt_nfc_utf8(const char *src, int32_t len, char *dst, int32_t cap, int32_t *err);
/** Full Unicode lower-casing of UTF-8 (locale "nb") into dst; same conventions as nt_nfc_utf8. */
int32_t nt_lower_utf8(const char *src, int32_t len, char *dst, int32_t cap, int32_t *err);
/** Unicode general category of a code point as ICU's UCharCategory number. */
int32_t nt_char_type(int32_t cp);
#endif
