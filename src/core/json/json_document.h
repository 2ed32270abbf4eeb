#pragma once
// JSON that arrives over the network (gateway bodies, stream chunks, error bodies, /key and
// /generation answers) read under the one lexer's policy (json/json_lexer.h) before it becomes a
// QJsonDocument. QJsonDocument alone is more lenient: it keeps a lone surrogate as an ill-formed
// QString, rounds an integer beyond 2^53 and replaces invalid UTF-8, so gateway input would follow
// a second policy beside the traffic log's and the config's. What the lexer refuses is refused here
// too, with the lexer's words and the byte where it stopped.

#include <QByteArrayView>
#include <QJsonDocument>
#include <QString>

namespace gw::json {

struct ParsedDocument {
    QJsonDocument document; // null when refused
    QString error;          // "unpaired surrogate in \u escape at byte 23"; empty when parsed
    bool ok() const { return error.isEmpty(); }
};

ParsedDocument parseDocument(QByteArrayView bytes);

} // namespace gw::json
