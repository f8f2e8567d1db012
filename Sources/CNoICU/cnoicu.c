#include "cnoicu.h"
#include <stdlib.h>
#include <string.h>
#include <unicode/utypes.h>
#include <unicode/uversion.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/uchar.h>

const char *nt_icu_version(void) {
    static char buf[U_MAX_VERSION_STRING_LENGTH];
    UVersionInfo v; u_getVersion(v); u_versionToString(v, buf); return buf;
}
const char *nt_icu_error_name(int32_t err) { return u_errorName((UErrorCode)err); }
int nt_icu_failure(int32_t err) { return U_FAILURE((UErrorCode)err); }

/* UTF-8 -> freshly allocated UTF-16; invalid sequences become U+FFFD. */
static UChar *to16(const char *src, int32_t len, int32_t *outLen, UErrorCode *st) {
    int32_t need = 0;
    UErrorCode probe = U_ZERO_ERROR;
    u_strFromUTF8WithSub(NULL, 0, &need, src, len, 0xFFFD, NULL, &probe);
    if (probe != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(probe)) { *st = probe; return NULL; }
    UChar *buf = malloc(sizeof(UChar) * (size_t)(need + 1));
    if (!buf) { *st = U_MEMORY_ALLOCATION_ERROR; return NULL; }
    u_strFromUTF8WithSub(buf, need + 1, outLen, src, len, 0xFFFD, NULL, st);
    return buf;
}

/* UTF-16 -> UTF-8 into dst; returns needed length. */
static int32_t to8(const UChar *src, int32_t len, char *dst, int32_t cap, UErrorCode *st) {
    int32_t need = 0;
    u_strToUTF8WithSub(dst, cap, &need, src, len, 0xFFFD, NULL, st);
    return need;
}

int nt_is_nfc_utf8(const char *src, int32_t len) {
    UErrorCode st = U_ZERO_ERROR;
    const UNormalizer2 *n = unorm2_getNFCInstance(&st);
    if (U_FAILURE(st)) return -1;
    int32_t l16 = 0;
    UChar *s16 = to16(src, len, &l16, &st);
    if (!s16 || U_FAILURE(st)) { free(s16); return -1; }
    UBool ok = unorm2_isNormalized(n, s16, l16, &st);
    free(s16);
    if (U_FAILURE(st)) return -1;
    return ok ? 1 : 0;
}

typedef int32_t (*transform16)(const UChar *, int32_t, UChar *, int32_t, UErrorCode *);

static int32_t nfc16(const UChar *s, int32_t l, UChar *d, int32_t c, UErrorCode *st) {
    const UNormalizer2 *n = unorm2_getNFCInstance(st);
    if (U_FAILURE(*st)) return 0;
    return unorm2_normalize(n, s, l, d, c, st);
}
static int32_t lower16(const UChar *s, int32_t l, UChar *d, int32_t c, UErrorCode *st) {
    return u_strToLower(d, c, s, l, "nb", st);
}

static int32_t apply(transform16 f, const char *src, int32_t len, char *dst, int32_t cap, int32_t *err) {
    UErrorCode st = U_ZERO_ERROR;
    int32_t l16 = 0;
    UChar *s16 = to16(src, len, &l16, &st);
    if (!s16 || U_FAILURE(st)) { free(s16); *err = st; return 0; }
    UErrorCode st2 = U_ZERO_ERROR;
    int32_t need = f(s16, l16, NULL, 0, &st2);
    if (st2 != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(st2)) { free(s16); *err = st2; return 0; }
    UChar *d16 = malloc(sizeof(UChar) * (size_t)(need + 1));
    if (!d16) { free(s16); *err = U_MEMORY_ALLOCATION_ERROR; return 0; }
    st2 = U_ZERO_ERROR;
    int32_t got = f(s16, l16, d16, need + 1, &st2);
    free(s16);
    if (U_FAILURE(st2)) { free(d16); *err = st2; return 0; }
    UErrorCode st3 = U_ZERO_ERROR;
    int32_t out = to8(d16, got, dst, cap, &st3);
    free(d16);
    *err = st3;
    return out;
}

int32_t nt_nfc_utf8(const char *src, int32_t len, char *dst, int32_t cap, int32_t *err) {
    return apply(nfc16, src, len, dst, cap, err);
}
int32_t nt_lower_utf8(const char *src, int32_t len, char *dst, int32_t cap, int32_t *err) {
    return apply(lower16, src, len, dst, cap, err);
}
int32_t nt_char_type(int32_t cp) { return (int32_t)u_charType(cp); }
