// Replays every seed (tests/fuzz/corpus/<target>/) and every input that once crashed or broke an
// invariant (tests/fuzz/regressions/<target>/) through the fuzz target functions, built with the
// ordinary compiler: the suite covers the targets and their invariants even without clang.

#include "fuzz_targets.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace gw::fuzz;

class TestFuzzRegressions : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyTargetHasSeeds();
    void replay_data();
    void replay();
    void noStrayDirectories();

private:
    static QString fuzzDir() { return QStringLiteral(GW_SOURCE_DIR) + u"/tests/fuzz"_qs; }
    static QStringList filesOf(const QString &dir)
    {
        return QDir(dir).entryList(QDir::Files | QDir::Hidden, QDir::Name);
    }
};

void TestFuzzRegressions::everyTargetHasSeeds()
{
    QCOMPARE(targets().size(), 8);
    for (const Target &target : targets()) {
        const QStringList seeds = filesOf(fuzzDir() + u"/corpus/"_qs + target.name);
        QVERIFY2(seeds.size() >= 3, qPrintable(u"too few seeds for "_qs + target.name));
        QVERIFY(findTarget(target.name) == &target);
    }
    QVERIFY(findTarget(u"no_such_target"_qs) == nullptr);
}

void TestFuzzRegressions::replay_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("path");
    for (const Target &target : targets()) {
        for (const QString &kind : {u"corpus"_qs, u"regressions"_qs}) {
            const QString dir = fuzzDir() + u'/' + kind + u'/' + target.name;
            for (const QString &file : filesOf(dir)) {
                const QString tag = target.name + u'/' + kind + u'/' + file;
                QTest::newRow(qPrintable(tag)) << target.name << (dir + u'/' + file);
            }
        }
    }
}

void TestFuzzRegressions::replay()
{
    QFETCH(QString, target);
    QFETCH(QString, path);
    QFile file(path);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
    const QByteArray bytes = file.readAll();

    QStringList failures;
    setFailureHandler(
        [&failures](const QString &name, const QString &what) { failures.append(name + u": "_qs + what); });
    const Target *t = findTarget(target);
    QVERIFY(t);
    t->run(bytes);
    setFailureHandler({});
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join(u'\n')));
}

// A regression directory named after a target that no longer exists would silently never run.
void TestFuzzRegressions::noStrayDirectories()
{
    for (const QString &kind : {u"corpus"_qs, u"regressions"_qs}) {
        const QStringList dirs = QDir(fuzzDir() + u'/' + kind).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        for (const QString &dir : dirs)
            QVERIFY2(findTarget(dir), qPrintable(kind + u'/' + dir + u" names no fuzz target"_qs));
    }
}

QTEST_GUILESS_MAIN(TestFuzzRegressions)
#include "tst_fuzz_regressions.moc"
