#include "json/json_document.h"

#include "json/json_lexer.h"

namespace gw::json {

namespace {

// The byte offset of the first invalid UTF-8 sequence (only asked after the whole input failed).
qsizetype firstInvalidUtf8(QByteArrayView bytes)
{
    qsizetype at = 0;
    while (at < bytes.size()) {
        const auto lead = static_cast<unsigned char>(bytes.at(at));
        const qsizetype length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
        if (at + length > bytes.size() || !bytes.sliced(at, length).isValidUtf8())
            return at;
        at += length;
    }
    return at;
}

} // namespace

ParsedDocument parseDocument(QByteArrayView bytes)
{
    ParsedDocument parsed;
    if (!bytes.isValidUtf8()) {
        parsed.error = u"invalid UTF-8 at byte %1"_qs.arg(firstInvalidUtf8(bytes));
        return parsed;
    }
    const char *const begin = bytes.data();
    const char *const end = begin + bytes.size();
    LexFailure fail;
    const char *p = skipWhitespace(begin, end);
    if (p == end) {
        parsed.error = u"no JSON value"_qs;
        return parsed;
    }
    p = skipValue(p, end, fail);
    if (p && (p = skipWhitespace(p, end)) != end)
        fail.set(LexError::Unexpected, p);
    if (fail.error != LexError::None) {
        parsed.error = u"%1 at byte %2"_qs.arg(lexErrorText(fail.error)).arg(fail.at - begin);
        return parsed;
    }
    QJsonParseError qtError;
    parsed.document = QJsonDocument::fromJson(bytes.toByteArray(), &qtError);
    if (qtError.error != QJsonParseError::NoError) // not expected after the lexer's check
        parsed.error = u"%1 at byte %2"_qs.arg(qtError.errorString()).arg(qtError.offset);
    return parsed;
}

} // namespace gw::json
