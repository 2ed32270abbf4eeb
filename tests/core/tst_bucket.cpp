// Bucketing: the contract's worked values, and the properties that follow from the function.

#include "routing/bucket.h"

#include <QCryptographicHash>
#include <QTest>

using namespace gw;

class TestBucket : public QObject {
    Q_OBJECT

    // An independent computation with Qt's SHA-256, straight from the contract's formula.
    static Bucket reference(const QString &cohort, const QString &key)
    {
        const QByteArray seed = (cohort + u"_routing_"_qs + key).toUtf8();
        auto word = [](const QByteArray &bytes) {
            const QByteArray d = QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);
            return (quint32(quint8(d[0])) << 24) | (quint32(quint8(d[1])) << 16) | (quint32(quint8(d[2])) << 8)
                   | quint32(quint8(d[3]));
        };
        return Bucket{word(seed) % 100, word(seed + "_fractional") % 1000};
    }

private Q_SLOTS:
    void workedValues_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<uint>("whole");
        QTest::addColumn<uint>("fraction");
        QTest::newRow("user-123") << u"user-123"_qs << 51u << 965u;
        QTest::newRow("alice") << u"alice"_qs << 43u << 614u;
        QTest::newRow("task-42") << u"task-42"_qs << 50u << 798u;
    }

    void workedValues()
    {
        QFETCH(QString, key);
        QFETCH(uint, whole);
        QFETCH(uint, fraction);
        const Bucket b = BucketHasher(u"vercel"_qs).bucket(key);
        QCOMPARE(b.whole, whole);
        QCOMPARE(b.fraction, fraction);
        QCOMPARE(b.milli(), int(whole * 1000 + fraction));
    }

    void matchesIndependentComputation()
    {
        const BucketHasher hasher(u"vercel"_qs);
        for (int i = 0; i < 2000; ++i) {
            const QString key = u"user-%1"_qs.arg(i);
            QCOMPARE(hasher.bucket(key), reference(u"vercel"_qs, key));
        }
        // Unicode keys hash as UTF-8; long keys go past the stack buffer.
        for (const QString &key : {u"Jürgen"_qs, u"ユーザー"_qs, QString(400, u'k'), QString()})
            QCOMPARE(hasher.bucket(key), reference(u"vercel"_qs, key));
    }

    void stableAndInRange()
    {
        const BucketHasher hasher(u"vercel"_qs);
        for (int i = 0; i < 1000; ++i) {
            const QString key = u"k%1"_qs.arg(i);
            const Bucket b = hasher.bucket(key);
            QVERIFY(b.whole < 100);
            QVERIFY(b.fraction < 1000);
            QCOMPARE(hasher.bucket(key), b);
            QCOMPARE(BucketHasher(u"vercel"_qs).bucket(key), b);
        }
    }

    void cohortReshuffles()
    {
        const BucketHasher a(u"vercel"_qs), b(u"experiment-2"_qs);
        int same = 0;
        for (int i = 0; i < 1000; ++i) {
            const QString key = u"user-%1"_qs.arg(i);
            QCOMPARE(b.bucket(key), reference(u"experiment-2"_qs, key));
            same += a.bucket(key) == b.bucket(key);
        }
        QVERIFY2(same < 5, "another cohort must reshuffle nearly everyone");
    }

    // Roughly uniform: each of ten deciles gets close to a tenth of 20,000 keys.
    void roughlyUniform()
    {
        const BucketHasher hasher(u"vercel"_qs);
        int deciles[10] = {};
        const int n = 20000;
        for (int i = 0; i < n; ++i)
            ++deciles[hasher.bucket(u"u%1"_qs.arg(i)).whole / 10];
        for (int count : deciles)
            QVERIFY2(std::abs(count - n / 10) < n / 50, qPrintable(QString::number(count)));
    }
};

QTEST_GUILESS_MAIN(TestBucket)
#include "tst_bucket.moc"
