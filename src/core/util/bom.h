#pragma once
// The UTF-8 byte order mark some editors and exporters put at the start of a file. Every reader
// of our text formats (configs, suites, traffic logs JSONL and CSV, response bodies) accepts it
// through this one helper, at the start of the content only.

#include <QByteArrayView>

#include <string_view>

namespace gw {

inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// 3 when `data` starts with the BOM, else 0: the bytes to skip.
inline qsizetype utf8BomLength(const char *data, qsizetype size)
{
    return size >= 3 && std::string_view(data, 3) == kUtf8Bom ? 3 : 0;
}

inline QByteArrayView withoutUtf8Bom(QByteArrayView text)
{
    return text.sliced(utf8BomLength(text.data(), text.size()));
}

inline std::string_view withoutUtf8Bom(std::string_view text)
{
    return text.substr(size_t(utf8BomLength(text.data(), qsizetype(text.size()))));
}

} // namespace gw
