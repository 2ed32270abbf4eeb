#pragma once
// Fast path for the chunks that make up nearly all of a stream: {id, provider, model, choices:
// [{index: 0, delta: {content | reasoning | reasoning_details}, finish_reason}]}. QJsonDocument
// builds a whole DOM per chunk and caps a stream near 100 MB/s; this single pass over the bytes
// extracts only the members the normalizer reads.
//
// Correctness rule: the scanner accepts only well-formed JSON it fully understands, read through
// the one JSON lexer (json/json_lexer.h). Anything else (usage, errors, provider metadata,
// several choices, duplicate members, invalid UTF-8, what the lexer refuses: a lone surrogate,
// an integer beyond 2^53, ...) returns false and the caller takes the general path
// (json/json_document.h), which reads the chunk under the same lexer's policy before it builds a
// DOM: a chunk is refused or accepted alike on both paths.

#include <QByteArrayView>
#include <QString>

namespace gw::detail {

struct ScannedChunk {
    QString id, model, provider;                  // top-level strings (id/model only when asked for)
    QString content, reasoning, reasoningContent; // choices[0].delta strings
    QString finishReason;                         // choices[0].finish_reason when a string
    QByteArrayView reasoningDetails;              // raw JSON text of delta.reasoning_details (an array)
    bool hasId = false, hasModel = false, hasProvider = false;
    bool hasContent = false, hasReasoning = false, hasReasoningContent = false, hasFinishReason = false;
};

// `wantId` / `wantModel`: decode those strings (the normalizer keeps only the first one seen).
bool scanChunk(QByteArrayView json, bool wantId, bool wantModel, ScannedChunk &out);

} // namespace gw::detail
