#pragma once
// Prompt suites for the test bench: parsing a JSONL suite file, expanding a batch into cases and
// building the request each gateway gets for a case.
//
// Suite file format: one JSON object per line,
//   {"name": "...", "messages": [...], "reasoning"?: {...} | "low", "provider"?: {...}}
// Blank lines and lines whose first non-blank character is '#' are skipped (comments), so a
// suite can be annotated; every other line must be a complete object. Unknown members are errors
// (a typo like "reasonig" must not silently run without reasoning). Every problem is reported,
// each naming the file, line, column and JSON path: "smoke.jsonl:7:14: /messages: must be a
// non-empty array".

#include "bench/types.h"
#include "util/diagnostic.h"

#include <QByteArrayView>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace gw {

struct PromptSuiteParse {
    PromptSuite suite;    // the good lines only
    Diagnostics problems; // one per bad line (or more when one line has several problems)
    bool ok() const { return !hasErrors(problems) && !suite.cases.isEmpty(); }
};

PromptSuiteParse parsePromptSuite(QByteArrayView bytes, const QString &fileName);
PromptSuiteParse parsePromptSuiteFile(const QString &path); // file name in messages: as given

// A suite of one prompt typed by the operator (line 0).
PromptSuite singlePromptSuite(const QString &name, const QString &userMessage);

// Batch-wide defaults (the operator's reasoning effort and provider preferences): filled into
// every case that has none of its own; a case's own values win.
PromptSuite withDefaults(PromptSuite suite, const QJsonObject &reasoning, const QJsonObject &provider);

// models x prompts x repetitions, in that nesting order (all repetitions of a prompt are
// adjacent). The Vercel model comes from config.models[model].vercel; none when unmapped.
// `repeat` below 1 counts as 1.
QList<BenchCase> expandBatch(const QStringList &openrouterModels, const PromptSuite &suite, int repeat,
                             const RoutingConfig &config);

struct BenchRequest {
    QJsonObject body;
    QStringList warnings; // from translateToVercel; always empty for OpenRouter
    bool runnable = true; // false when the case has no model on this gateway
};

// The OpenRouter request {model, messages, stream?, reasoning?, provider?}; for Vercel that
// request through translateToVercel with the case's mapped model id.
BenchRequest requestFor(const BenchCase &benchCase, Gateway gateway, const PromptSuite &suite,
                        const RoutingConfig &config, bool streaming = true);

} // namespace gw
