#pragma once
// The fuzz targets as plain functions over a byte buffer. The same functions are linked into the
// libFuzzer binaries (fuzz_main.cpp, clang only) and into tst_fuzz_regressions (any compiler),
// which replays every seed and every saved crash input: the ordinary suite keeps them honest.
//
// Besides "does not crash", each target checks a few cheap invariants; a violation goes to the
// failure handler (default: print and abort, which libFuzzer reports as a crash).

#include <QByteArrayView>
#include <QList>
#include <QString>

#include <functional>

namespace gw::fuzz {

using TargetFunction = void (*)(QByteArrayView data);

struct Target {
    QString name; // directory name under tests/fuzz/corpus and tests/fuzz/regressions
    TargetFunction run;
};

// Every target, in a fixed order.
const QList<Target> &targets();
const Target *findTarget(QStringView name);

using FailureHandler = std::function<void(const QString &target, const QString &what)>;
// Replaces the default (print to stderr, abort). The regression test collects failures instead.
void setFailureHandler(FailureHandler handler);

void fuzzConfigLoad(QByteArrayView data);
void fuzzSseParser(QByteArrayView data);
void fuzzNormalizeBody(QByteArrayView data);
void fuzzNormalizeStream(QByteArrayView data);
void fuzzCatalog(QByteArrayView data);
void fuzzEndpoints(QByteArrayView data);
void fuzzPromptSuite(QByteArrayView data);
void fuzzTrafficLog(QByteArrayView data);

} // namespace gw::fuzz
